import { makeFunctionReference } from "convex/server";
import { beforeAll, describe, expect, test } from "vitest";
import type { TableNames } from "../../convex/_generated/dataModel";
import { identity } from "../fixtures/identities";
import { seedTwoOrgs } from "../fixtures/rows";
import { discoverPublicFunctions, sampleArgs, type DiscoveredFunction, type SampleIds } from "./discover";
import { newTest, type TestCaller, type TestConvex } from "./setup";

/**
 * Deliberately org-less public functions. Each still requires a signed-in identity (checked
 * below) and has its own tests in viewer.test.ts. Adding a name here needs a reason.
 */
const ORG_LESS_ALLOW_LIST = new Set([
  "viewer:get", // the signed-in person's own profile, before any org is chosen
  "viewer:provision", // "first request" provisioning from verified claims
]);

const functions = await discoverPublicFunctions();
const orgFunctions = functions.filter((fn) => !ORG_LESS_ALLOW_LIST.has(fn.path));

function call(caller: TestCaller, fn: DiscoveredFunction, args: Record<string, unknown>) {
  if (fn.kind === "query") return caller.query(makeFunctionReference<"query">(fn.path), args);
  if (fn.kind === "mutation") return caller.mutation(makeFunctionReference<"mutation">(fn.path), args);
  return caller.action(makeFunctionReference<"action">(fn.path), args);
}

let t: TestConvex;
let idsOfB: SampleIds;

beforeAll(async () => {
  t = newTest();
  const seeded = await seedTwoOrgs(t);
  const rows = seeded.rowsB;
  idsOfB = {
    organizations: seeded.orgB,
    users: rows.userId,
    memberships: rows.membershipId,
    agents: rows.agentId,
    contacts: rows.contactId,
    sessions: rows.sessionId,
    messages: rows.messageId,
    stageEvents: rows.stageEventId,
    dailyStats: rows.dailyStatId,
    auditLog: rows.auditLogId,
    labels: rows.labelId,
    sessionLabels: rows.sessionLabelId,
    mentions: rows.mentionId,
    quickReplies: rows.quickReplyId,
    _storage: rows.storageId,
  } satisfies Partial<Record<TableNames | "_storage", unknown>>;
});

describe("function discovery", () => {
  test("finds the public functions of every domain module", () => {
    const paths = functions.map((fn) => fn.path);
    expect(paths).toEqual(expect.arrayContaining(["organizations:current", "organizations:setTimezone", "viewer:provision"]));
  });

  test("finds no internal function", () => {
    expect(functions.map((fn) => fn.path)).not.toContain("clerk:applyChange");
  });

  test("every allow-listed org-less function still exists", () => {
    const paths = new Set(functions.map((fn) => fn.path));
    for (const path of ORG_LESS_ALLOW_LIST) expect(paths).toContain(path);
  });
});

describe.each(orgFunctions.map((fn) => [fn.path, fn] as const))("%s", (_path, fn) => {
  test("takes the organization id from the URL", () => {
    expect(sampleArgs(fn, "org_b", idsOfB)).toHaveProperty("orgId", "org_b");
  });

  test("refuses a caller with no identity", async () => {
    await expect(call(t, fn, sampleArgs(fn, "org_b", idsOfB))).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
  });

  test("refuses a token with no active organization", async () => {
    const noOrg = t.withIdentity(identity({ orgId: null }));
    await expect(call(noOrg, fn, sampleArgs(fn, "org_b", idsOfB))).rejects.toMatchObject({ data: { code: "ORG_REQUIRED" } });
  });

  test("refuses a token for org A used on org B", async () => {
    const ownerOfA = t.withIdentity(identity({ orgId: "org_a", role: "org:owner" }));
    await expect(call(ownerOfA, fn, sampleArgs(fn, "org_b", idsOfB))).rejects.toMatchObject({ data: { code: "ORG_MISMATCH" } });
  });
});

describe.each([...ORG_LESS_ALLOW_LIST].map((path) => [path] as const))("org-less %s", (path) => {
  test("refuses a caller with no identity", async () => {
    const fn = functions.find((candidate) => candidate.path === path)!;
    await expect(call(t, fn, sampleArgs(fn, "org_b", idsOfB))).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
  });
});
