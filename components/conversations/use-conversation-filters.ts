"use client";

import { isSessionStatus } from "@/lib/inbox/statuses";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { Id } from "@/convex/_generated/dataModel";
import type { SessionStatus } from "./types";

export type ConversationFilters = { agentId?: Id<"agents">; status?: SessionStatus };

/**
 * Filters live in the URL (`?agent=…&status=…`) so the back button from a thread restores them.
 * An agent id is only used once it is one of the org's agents.
 */
export function useConversationFilters(agentIds: ReadonlyArray<string> | undefined) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const status = params.get("status");
  const agent = params.get("agent");
  const filters: ConversationFilters = {
    status: isSessionStatus(status) ? status : undefined,
    agentId: agent !== null && agentIds?.includes(agent) ? (agent as Id<"agents">) : undefined,
  };

  function setFilters(next: ConversationFilters) {
    const query = new URLSearchParams(params.toString());
    if (next.agentId) query.set("agent", next.agentId);
    else query.delete("agent");
    if (next.status) query.set("status", next.status);
    else query.delete("status");
    const search = query.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  return { filters, setFilters };
}
