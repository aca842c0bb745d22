import { guardMessage, guardVerdict, sessionCaller } from "../auth/verdict";
import type { Session } from "../auth/types";
import { HTTP_STATUS, toAppErrorData, type ErrorCode } from "../errors";
import { isMetricsWindow, METRICS_WINDOWS, type MetricsWindow } from "../time/windows";

/**
 * GET /api/org/[orgId]/spin-analysis without the framework: the same guard verdicts as the Convex
 * functions (401 UNAUTHENTICATED, 403 ORG_REQUIRED with `requiresOnboarding`, 403 ORG_MISMATCH), one
 * JSON envelope `{ success, code, message, data }`, and error details only in development.
 */

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
export type AnalysisSource = (token: string, orgId: string, window: MetricsWindow) => Promise<unknown>;

export type AnalysisResponse = { status: number; body: Record<string, unknown> };

function failure(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): AnalysisResponse {
  const onboarding = code === "ORG_REQUIRED" ? { requiresOnboarding: true } : {};
  return { status: HTTP_STATUS[code], body: { success: false, code, message, data: null, ...onboarding, ...extra } };
}

export function bearerTokenOf(authorization: string | null): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  return match ? match[1] : null;
}

export async function spinAnalysis(request: AnalysisRequest, read: AnalysisSource): Promise<AnalysisResponse> {
  const window = request.window ?? "today";
  if (!isMetricsWindow(window)) {
    return failure("INVALID_ARGUMENT", `window must be one of ${METRICS_WINDOWS.join(", ")}.`);
  }
  let token = request.bearerToken;
  if (token === null) {
    // The browser session is checked here with the Convex guard's own verdict, before any read.
    const verdict = guardVerdict(sessionCaller(request.session), request.orgId);
    if (!verdict.ok) return failure(verdict.code, verdict.message);
    token = request.sessionToken;
    if (token === null) return failure("UNAUTHENTICATED", guardMessage("UNAUTHENTICATED"));
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
