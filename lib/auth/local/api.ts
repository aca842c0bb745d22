import { isErrorCode, type ErrorCode } from "../../errors";
import type { LocalViewer } from "./model";

/** Browser calls to /api/local-auth; every refusal becomes a `LocalAuthRequestError` with its code. */

const BASE = "/api/local-auth";

export class LocalAuthRequestError extends Error {
  constructor(readonly code: ErrorCode | "NETWORK") {
    super(`Local auth request failed: ${code}`);
    this.name = "LocalAuthRequestError";
  }
}

type Envelope<T> = { success?: boolean; data?: T; code?: unknown };

async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new LocalAuthRequestError("NETWORK");
  }
  const json = (await response.json().catch(() => null)) as Envelope<T> | null;
  if (response.ok && json?.success === true) return json.data as T;
  throw new LocalAuthRequestError(isErrorCode(json?.code) ? json.code : "INTERNAL_ERROR");
}

export type TokenAnswer = { token: string; expiresAt: number; orgId: string | null };

export const localAuthApi = {
  signIn: (userId: string) => call<LocalViewer>("POST", "/sign-in", { userId }),
  signOut: () => call<null>("POST", "/sign-out", {}),
  setActiveOrg: (orgId: string | null) => call<LocalViewer>("POST", "/active-org", { orgId }),
  createOrganization: (name: string) => call<LocalViewer>("POST", "/organizations", { name }),
  acceptInvitation: (invitationId: string, name: string) => call<LocalViewer>("POST", "/invitations/accept", { invitationId, name }),
  token: () => call<TokenAnswer>("GET", "/token"),
};
