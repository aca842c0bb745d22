import { z } from "zod";
import { localIssuer, SESSION_COOKIE } from "@/lib/auth/local/config";
import { createOrganization, readDirectory } from "@/lib/auth/local/directory";
import { LocalAuthError } from "@/lib/auth/local/errors";
import { publicJwks, SIGNING_ALG } from "@/lib/auth/local/keys";
import { findUser, orgsOf } from "@/lib/auth/local/model";
import {
  clearedSessionCookie,
  readSession,
  resolveSession,
  sessionCookie,
  viewerOf,
  withActiveOrg,
  type LocalSessionState,
} from "@/lib/auth/local/session";
import { acceptInvitation } from "@/lib/auth/local/team";
import { issueConvexToken } from "@/lib/auth/local/tokens";
import { isHttps, localEndpoint, ok, readBody, readCookie, withCookie } from "./http";

/** The route handlers under /api/local-auth (the files in app/api/local-auth only re-export these). */

async function signedInX(request: Request): Promise<LocalSessionState> {
  const state = await readSession(readCookie(request, SESSION_COOKIE));
  if (state === null) throw new LocalAuthError("UNAUTHENTICATED", "You are not signed in.");
  return state;
}

async function answerWithSession(request: Request, state: LocalSessionState, status = 200): Promise<Response> {
  return withCookie(ok(viewerOf(state), status), await sessionCookie(state, isHttps(request)));
}

function openIdConfiguration() {
  const issuer = localIssuer();
  return {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    authorization_endpoint: `${new URL(issuer).origin}/sign-in`,
    response_types_supported: ["id_token"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: [SIGNING_ALG],
    claims_supported: ["sub", "iss", "aud", "iat", "exp", "email", "name", "org_id", "org_role", "org_slug", "org_name"],
  };
}

/**
 * GET /.well-known/openid-configuration (what Convex reads first) and /.well-known/jwks.json (the
 * public key it verifies tokens with); any other document is not found.
 */
export function getWellKnownDocument(folder: string, document: string): Promise<Response> {
  return localEndpoint(async () => {
    if (folder !== ".well-known") throw new LocalAuthError("NOT_FOUND", "Not found.");
    const headers = { "cache-control": "no-store" };
    if (document === "openid-configuration") return Response.json(openIdConfiguration(), { headers });
    if (document === "jwks.json") return Response.json(await publicJwks(), { headers });
    throw new LocalAuthError("NOT_FOUND", "Not found.");
  });
}

const signInBody = z.object({ userId: z.string().min(1) });

/** POST /sign-in { userId } — signs in as a directory user; their first organization becomes active. */
export function postSignIn(request: Request): Promise<Response> {
  return localEndpoint(async () => {
    const { userId } = await readBody(request, signInBody);
    const directory = await readDirectory();
    const user = findUser(directory, userId);
    if (user === null) throw new LocalAuthError("NOT_FOUND", "This account does not exist.");
    const firstOrg = orgsOf(directory, user.id)[0]?.id ?? null;
    const state = resolveSession({ userId: user.id, orgId: firstOrg }, directory);
    if (state === null) throw new LocalAuthError("INTERNAL_ERROR", "The session could not be created.");
    return answerWithSession(request, state);
  });
}

/** POST /sign-out */
export function postSignOut(request: Request): Promise<Response> {
  return localEndpoint(async () => {
    await readBody(request, z.unknown());
    return withCookie(ok(null), clearedSessionCookie(isHttps(request)));
  });
}

const activeOrgBody = z.object({ orgId: z.string().min(1).nullable() });

/** POST /active-org { orgId | null } — only one of the user's organizations (403 FORBIDDEN otherwise). */
export function postActiveOrg(request: Request): Promise<Response> {
  return localEndpoint(async () => {
    const { orgId } = await readBody(request, activeOrgBody);
    const state = await signedInX(request);
    if (orgId !== null && !state.orgs.some((org) => org.id === orgId)) {
      throw new LocalAuthError("FORBIDDEN", "You are not a member of this organization.");
    }
    return answerWithSession(request, withActiveOrg(state, orgId));
  });
}

const createOrgBody = z.object({ name: z.string() });

/** POST /organizations { name } — the creator becomes its owner and it becomes the active one. */
export function postOrganization(request: Request): Promise<Response> {
  return localEndpoint(async () => {
    const { name } = await readBody(request, createOrgBody);
    const state = await signedInX(request);
    const { organization } = await createOrganization(state.user.id, name);
    const next = resolveSession({ userId: state.user.id, orgId: organization.id }, await readDirectory());
    if (next === null) throw new LocalAuthError("UNAUTHENTICATED", "You are not signed in.");
    return answerWithSession(request, next, 201);
  });
}

const acceptBody = z.object({ invitationId: z.string().min(1).max(128), name: z.string().max(200).optional() });

/**
 * POST /invitations/accept { invitationId, name? } — joins the invited organization (creating the
 * person when the email is new) and signs her in to it. The invitation id is the credential here,
 * as Clerk's emailed link is: local development has no mailbox.
 */
export function postAcceptInvitation(request: Request): Promise<Response> {
  return localEndpoint(async () => {
    const { invitationId, name } = await readBody(request, acceptBody);
    const { userId, orgId } = await acceptInvitation(invitationId, name);
    const state = resolveSession({ userId, orgId }, await readDirectory());
    if (state === null) throw new LocalAuthError("INTERNAL_ERROR", "The session could not be created.");
    return answerWithSession(request, state, 201);
  });
}

/** GET /token — a fresh Convex token for the cookie's session; 401 when signed out. */
export function getToken(request: Request): Promise<Response> {
  return localEndpoint(async () => {
    const state = await signedInX(request);
    const { token, expiresAt } = await issueConvexToken({ user: state.user, org: state.activeOrg });
    return ok({ token, expiresAt, orgId: state.activeOrg?.id ?? null });
  });
}
