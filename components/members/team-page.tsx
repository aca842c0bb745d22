"use client";

import { useQuery } from "convex/react";
import { useState } from "react";
import { api } from "@/convex/_generated/api";
import { roleAtLeast } from "@/lib/auth/claims";
import { InviteForm } from "./invite-form";
import { MembersTable } from "./members-table";
import { PendingInvitations } from "./pending-invitations";

/** Owners and admins manage the team here; members see the list only. */
export function TeamPage({ orgId }: { orgId: string }) {
  const org = useQuery(api.organizations.current, { orgId });
  // The same subscription as the members table: an invitee who accepts elsewhere joins it, and the
  // pending list is read again.
  const members = useQuery(api.organizations.members, { orgId });
  const membersKey = members?.map((member) => member.externalId).join(",") ?? "";
  // Bumped after an invitation changes, so the pending list reloads from the auth provider.
  const [invitationsVersion, setInvitationsVersion] = useState(0);
  const reloadInvitations = () => setInvitationsVersion((version) => version + 1);
  const manages = org !== undefined && roleAtLeast(org.role, "admin");

  return (
    <div className="space-y-6">
      {manages ? <InviteForm orgId={orgId} canInviteOwners={org.role === "owner"} onInvited={reloadInvitations} /> : null}
      <MembersTable orgId={orgId} viewerRole={org?.role ?? null} />
      {manages ? <PendingInvitations orgId={orgId} version={`${invitationsVersion}:${membersKey}`} onChanged={reloadInvitations} /> : null}
    </div>
  );
}
