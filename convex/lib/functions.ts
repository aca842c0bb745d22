/**
 * The only module that touches Convex's raw builders. Public functions are built with the org
 * builders below, which run the tenant guard before any handler and hand it a row-level-secured
 * `ctx.db`; an ESLint rule forbids importing the raw builders anywhere else.
 */
import { customAction, customMutation, customQuery } from "convex-helpers/server/customFunctions";
import { wrapDatabaseReader, wrapDatabaseWriter } from "convex-helpers/server/rowLevelSecurity";
import type { UserIdentity } from "convex/server";
import { v } from "convex/values";
import { readOrgClaims, type OrgRole } from "../../lib/auth/claims";
import { guardMessage, guardVerdict } from "../../lib/auth/verdict";
import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import {
  action,
  internalMutation as rawInternalMutation,
  internalQuery as rawInternalQuery,
  mutation,
  query,
  type DatabaseReader,
  type MutationCtx,
} from "../_generated/server";
import { membershipOf, orgByExternalId, userByExternalId } from "../model/directory";
import { ownedByAnotherIssuer } from "../model/issuer";
import { fail } from "./errors";
import { withReadCache } from "./readCache";
import { orgRules, type RlsContext } from "./rls";
import { triggers } from "./triggers";

// Actions have no database and http actions check their own signatures: nothing to wrap.
export { httpAction, internalAction } from "../_generated/server";

/** Per-function options of the org builders: `orgMutation({ role: "admin", args, handler })`. */
export type GuardOptions = { role?: OrgRole };

export type Viewer = {
  externalId: string;
  userId: Id<"users"> | null;
  name: string | null;
  email: string | null;
};

const orgArgs = { orgId: v.string() };

async function requireIdentity(auth: { getUserIdentity(): Promise<UserIdentity | null> }) {
  const identity = await auth.getUserIdentity();
  if (identity === null) fail("UNAUTHENTICATED", guardMessage("UNAUTHENTICATED"));
  return identity;
}

/** Steps 1–3 and 5 of the guard, decided by the one verdict the HTTP API shares (lib/auth/verdict.ts). */
function authorizeClaims(identity: UserIdentity, urlOrgId: string, required: OrgRole) {
  const verdict = guardVerdict({ org: readOrgClaims(identity) }, urlOrgId, required);
  if (!verdict.ok) fail(verdict.code, verdict.message);
  return verdict.claims;
}

/**
 * Step 4: the organization must exist, not be deleted, and belong to the token's issuer. Another
 * issuer's org answers ORG_NOT_FOUND, not FORBIDDEN: org ids are per issuer, so in this token's
 * namespace the org does not exist, and the answer must not confirm that the id is taken elsewhere.
 */
export async function loadLiveOrgX(db: DatabaseReader, externalId: string, issuer: string): Promise<Doc<"organizations">> {
  const org = await orgByExternalId(db, externalId);
  if (org === null || org.deletedAt !== undefined || ownedByAnotherIssuer(org, issuer)) {
    fail("ORG_NOT_FOUND", "This organization does not exist.");
  }
  return org;
}

/**
 * A token outlives the membership it was issued for: a deleted user (UNAUTHENTICATED) or a removed
 * membership (FORBIDDEN) is refused at once, one indexed read each. A member whose rows have not
 * arrived yet (the Clerk webhook is late) is let through: provisioning creates them from the claims.
 */
export async function currentMemberX(db: DatabaseReader, org: Doc<"organizations">, subject: string) {
  const user = await userByExternalId(db, subject);
  if (user === null) return null;
  if (user.deletedAt !== undefined) fail("UNAUTHENTICATED", "This account no longer exists. Sign in again.");
  const membership = await membershipOf(db, org._id, user._id);
  if (membership?.deletedAt !== undefined) fail("FORBIDDEN", "You are no longer a member of this organization.");
  return user;
}

async function loadViewer(db: DatabaseReader, org: Doc<"organizations">, identity: UserIdentity): Promise<Viewer> {
  const user = await currentMemberX(db, org, identity.subject);
  return {
    externalId: identity.subject,
    userId: user?._id ?? null,
    name: identity.name ?? null,
    email: identity.email ?? null,
  };
}

async function guardWithDb(
  ctx: { auth: { getUserIdentity(): Promise<UserIdentity | null> }; db: DatabaseReader },
  urlOrgId: string,
  required: OrgRole,
) {
  const identity = await requireIdentity(ctx.auth);
  const claims = authorizeClaims(identity, urlOrgId, required);
  const org = await loadLiveOrgX(ctx.db, claims.orgId, identity.issuer);
  const viewer = await loadViewer(ctx.db, org, identity);
  const rlsContext = { rawDb: ctx.db, org, viewerUserId: viewer.userId };
  return { org, viewer, role: claims.role, rules: orgRules(rlsContext), rlsContext };
}

const DENY_BY_DEFAULT = { defaultPolicy: "deny" } as const;

/**
 * The writer every mutation gets, whichever builder made it: one read per document per transaction
 * (readCache.ts), under the triggers that keep derived data (triggers.ts). Row-level security, where
 * it applies, wraps this one.
 */
function writerCtx(ctx: MutationCtx): MutationCtx {
  return triggers.wrapDB({ ...ctx, db: withReadCache(ctx.db) });
}

/** A public query of one organization: guarded, `ctx.org`/`ctx.viewer`/`ctx.role`, RLS `ctx.db`. */
export const orgQuery = customQuery(query, {
  args: orgArgs,
  input: async (ctx, { orgId }, { role = "member" }: GuardOptions) => {
    const guard = await guardWithDb(ctx, orgId, role);
    const db = wrapDatabaseReader(guard.rlsContext, ctx.db, guard.rules, DENY_BY_DEFAULT);
    return { ctx: { db, org: guard.org, viewer: guard.viewer, role: guard.role }, args: {} };
  },
});

/** A public mutation of one organization: guarded, with an RLS-wrapped writer. */
export const orgMutation = customMutation(mutation, {
  args: orgArgs,
  input: async (rawCtx, { orgId }, { role = "member" }: GuardOptions) => {
    const ctx = writerCtx(rawCtx);
    const guard = await guardWithDb(ctx, orgId, role);
    const db = wrapDatabaseWriter(guard.rlsContext, ctx.db, guard.rules, DENY_BY_DEFAULT);
    return { ctx: { db, org: guard.org, viewer: guard.viewer, role: guard.role }, args: {} };
  },
});

/**
 * A public action of one organization. Actions have no database, so the org check runs in an
 * internal query; everything the action then reads or writes goes through internal functions
 * that take `orgId` explicitly.
 */
export const orgAction = customAction(action, {
  args: orgArgs,
  input: async (ctx, { orgId }, { role = "member" }: GuardOptions) => {
    const identity = await requireIdentity(ctx.auth);
    const claims = authorizeClaims(identity, orgId, role);
    const org: Doc<"organizations"> = await ctx.runQuery(internal.guard.liveOrgByExternalId, {
      externalId: claims.orgId,
      subject: identity.subject,
      issuer: identity.issuer,
    });
    return { ctx: { org, role: claims.role, viewerExternalId: identity.subject }, args: {} };
  },
});

/**
 * Deliberately org-less public functions (provisioning, the viewer's own profile): a signed-in
 * identity is still required. Each one is on the isolation suite's short allow-list.
 */
export const viewerQuery = customQuery(query, {
  args: {},
  input: async (ctx) => ({ ctx: { identity: await requireIdentity(ctx.auth) }, args: {} }),
});

export const viewerMutation = customMutation(mutation, {
  args: {},
  input: async (ctx) => ({ ctx: { ...writerCtx(ctx), identity: await requireIdentity(ctx.auth) }, args: {} }),
});

/** The organization an internal function was handed; a missing or deleted one is refused. */
async function internalOrgX(db: DatabaseReader, orgId: Id<"organizations">): Promise<Doc<"organizations">> {
  const org = await db.get("organizations", orgId);
  if (org === null || org.deletedAt !== undefined) fail("ORG_NOT_FOUND", "This organization does not exist.");
  return org;
}

const internalOrgArgs = { orgId: v.id("organizations") };

/** Internal functions run with no identity: no viewer, and RLS sees the org's rows only. */
const internalRls = (db: DatabaseReader, org: Doc<"organizations">): RlsContext => ({ rawDb: db, org, viewerUserId: null });

/**
 * An internal or scheduled query inside one organization: it takes `orgId`, refuses a missing or
 * deleted org, and hands the handler `ctx.org` and the same row-level-secured `ctx.db` as orgQuery.
 */
export const internalOrgQuery = customQuery(rawInternalQuery, {
  args: internalOrgArgs,
  input: async (ctx, { orgId }) => {
    const org = await internalOrgX(ctx.db, orgId);
    const rls = internalRls(ctx.db, org);
    return { ctx: { db: wrapDatabaseReader(rls, ctx.db, orgRules(rls), DENY_BY_DEFAULT), org }, args: {} };
  },
});

/** The mutation counterpart of internalOrgQuery (webhook ingest, bot runs, rebuilds, gateway bookkeeping). */
export const internalOrgMutation = customMutation(rawInternalMutation, {
  args: internalOrgArgs,
  input: async (ctx, { orgId }) => ({ ctx: await internalOrgWriter(ctx, orgId), args: {} }),
});

/** The `ctx.db` and `ctx.org` internalOrgMutation hands its handler (also measured by the read-budget tests). */
export async function internalOrgWriter(rawCtx: MutationCtx, orgId: Id<"organizations">) {
  const ctx = writerCtx(rawCtx);
  const org = await internalOrgX(ctx.db, orgId);
  const rls = internalRls(ctx.db, org);
  return { db: wrapDatabaseWriter(rls, ctx.db, orgRules(rls), DENY_BY_DEFAULT), org };
}

/**
 * Internal functions that are not inside one organization: webhook resolution by instance name,
 * identity sync from Clerk, purging a deleted org. Say at each use why it is global.
 */
export const internalQuery = rawInternalQuery;
export const internalMutation = customMutation(rawInternalMutation, {
  args: {},
  input: async (ctx) => ({ ctx: writerCtx(ctx), args: {} }),
});
