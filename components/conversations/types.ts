import type { FunctionReturnType } from "convex/server";
import type { api } from "@/convex/_generated/api";

export type SessionItem = FunctionReturnType<typeof api.sessions.get>;
export type MessageView = FunctionReturnType<typeof api.messages.list>["page"][number];
export type { SpinStage } from "@/lib/spin/types";
export type SessionStatus = SessionItem["status"];
