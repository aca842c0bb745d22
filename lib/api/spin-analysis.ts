import { HTTP_STATUS, toAppErrorData, type ErrorCode } from "../errors";
import { checkOrgAccess } from "../auth/org-access";
import type { Session } from "../auth/types";

/**
 * GET /api/org/[orgId]/spin-analysis without the framework: the same guard verdicts as the Convex
 * functions (401 UNAUTHENTICATED, 403 ORG_REQUIRED with `requiresOnboarding`, 403 ORG_MISMATCH), one
 * JSON envelope `{ success, code, message, data }`, and error details only in development.
 */

export const WINDOWS = ["today", "week", "last30"] as const;
export type AnalysisWindow = (typeof WINDOWS)[number];

export type AnalysisRequest = {
  orgId: string;
  window: string | null;
  /** A token sent as `Authorization: Bearer …` (API clients); otherwise the browser session is used. */
  bearerToken: string | null;
  session: Session | null;
  sessionToken: string | null;
  development: boolean;
};

/** Reads the metrics with a token; Convex's guard verifies it (and refuses with the same codes). */
export type AnalysisSource = (token: string, orgId: string, window: AnalysisWindow) => Promise<unknown>;

export type AnalysisResponse = { status: number; body: Record<string, unknown> };

function failure(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): AnalysisResponse {
  const onboarding = code === "ORG_REQUIRED" ? { requiresOnboarding: true } : {};
  return { status: HTTP_STATUS[code], body: { success: false, code, message, data: null, ...onboarding, ...extra } };
}

const GUARD_MESSAGES = {
  UNAUTHENTICATED: "Sign in to continue.",
  ORG_REQUIRED: "Choose or create an organization first.",
  ORG_MISMATCH: "Your active organization differs from the one you asked for.",
} as const;

export function bearerTokenOf(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  return match ? match[1] : null;
}

export async function spinAnalysis(request: AnalysisRequest, read: AnalysisSource): Promise<AnalysisResponse> {
  const window = (request.window ?? "today") as AnalysisWindow;
  if (!WINDOWS.includes(window)) return failure("INVALID_ARGUMENT", `window must be one of ${WINDOWS.join(", ")}.`);
  let token = request.bearerToken;
  if (token === null) {
    const access = checkOrgAccess(request.session, request.orgId);
    if (access !== "ok") return failure(access, GUARD_MESSAGES[access]);
    token = request.sessionToken;
    if (token === null) return failure("UNAUTHENTICATED", GUARD_MESSAGES.UNAUTHENTICATED);
  }
  try {
    const data = await read(token, request.orgId, window);
    return { status: 200, body: { success: true, code: "OK", message: "SPIN analysis.", data } };
  } catch (error) {
    const { code, message } = toAppErrorData(error);
    const details = request.development && code === "INTERNAL_ERROR" ? { details: String(error) } : {};
    return failure(code, message, details);
  }
}
