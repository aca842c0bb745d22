"use client";

import { isSessionStatus } from "@/lib/inbox/statuses";
import { isInboxView, type InboxView } from "@/lib/inbox/views";
import { isSpinStage } from "@/lib/spin/types";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { Id } from "@/convex/_generated/dataModel";
import type { SessionStatus, SpinStage } from "./types";

export type ConversationFilters = {
  view: InboxView;
  agentId?: Id<"agents">;
  status?: SessionStatus;
  stage?: SpinStage;
  labelId?: Id<"labels">;
};

const PARAMS = { agentId: "agent", status: "status", stage: "stage", labelId: "label" } as const;

/**
 * The view and filters live in the URL (`?view=mine&agent=…&status=…&stage=…&label=…`) so the back
 * button from a thread restores them. An agent id is only used once it is one of the org's agents.
 */
export function useConversationFilters(agentIds: ReadonlyArray<string> | undefined) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const view = params.get("view");
  const status = params.get("status");
  const stage = params.get("stage");
  const agent = params.get("agent");
  const label = params.get("label");
  const filters: ConversationFilters = {
    view: isInboxView(view) ? view : "all",
    status: isSessionStatus(status) ? status : undefined,
    stage: isSpinStage(stage) ? stage : undefined,
    agentId: agent !== null && agentIds?.includes(agent) ? (agent as Id<"agents">) : undefined,
    labelId: label ? (label as Id<"labels">) : undefined,
  };

  function setFilters(next: ConversationFilters) {
    const query = new URLSearchParams(params.toString());
    if (next.view !== "all") query.set("view", next.view);
    else query.delete("view");
    for (const [key, param] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
      const value = next[key];
      if (value) query.set(param, value);
      else query.delete(param);
    }
    const search = query.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  return { filters, setFilters };
}
