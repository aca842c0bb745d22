import type { FunctionReturnType } from "convex/server";
import type { api } from "@/convex/_generated/api";

export type AgentView = FunctionReturnType<typeof api.agents.get>;
export type { AgentStatus } from "@/lib/agents";

/** Stored numbers are digits only; show them the way people write international numbers. */
export function formatPhone(number: string): string {
  return /^\d+$/.test(number) ? `+${number}` : number;
}
