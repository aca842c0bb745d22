"use client";

import { useQuery } from "convex/react";
import { api } from "@/convex/_generated/api";
import { InboxSearch } from "./inbox-search";

/** The inbox's search box, in the org's time zone (shown once the org has loaded). */
export function ConversationsSearch({ orgId }: { orgId: string }) {
  const org = useQuery(api.organizations.current, { orgId });
  return org === undefined ? null : <InboxSearch orgId={orgId} timeZone={org.timezone} />;
}
