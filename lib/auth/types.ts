import type { OrgRole } from "./claims";

/** Who is signed in on the server side of a request, and in which organization. */
export type Session = {
  userId: string;
  orgId: string | null;
  orgRole: OrgRole | null;
  orgSlug: string | null;
};
