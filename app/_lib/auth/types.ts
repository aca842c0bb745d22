import type { Session } from "@/lib/auth/types";

/** Server half of an auth implementation (app/_lib/auth/<provider>/server.ts). */
export type ServerAuth = {
  getSession(): Promise<Session | null>;
  /** A JWT Convex accepts for the current session, or null when signed out. */
  getConvexToken(): Promise<string | null>;
  /** Whether the signed-in user is a member of `orgId` (active or not): only then can she switch to it. */
  isMemberOf(orgId: string): Promise<boolean>;
};
