import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { MAX_PAGE_SIZE } from "../../convex/lib/pagination";
import { insertMessage, insertSession, orgWithAgent } from "../fixtures/conversations";
import { identity, identityWithRole } from "../fixtures/identities";
import { insertUser } from "../fixtures/rows";
import { newTest } from "./setup";

/** Security: no caller can make one page read the whole history; a page holds at most MAX_PAGE_SIZE rows. */

const ROWS = MAX_PAGE_SIZE + 20;
const member = identity({ userId: "user_member_org_a", orgId: "org_a" });
const admin = identityWithRole("admin", "org_a", "user_admin");
const hugePage = { numItems: 1_000_000, cursor: null };

async function seeded() {
  const t = newTest();
  const ids = await t.run(async (ctx) => {
    const { orgId, agentId } = await orgWithAgent(ctx);
    const adminId = await insertUser(ctx, "user_admin");
    await ctx.db.insert("memberships", { orgId, userId: adminId, role: "admin" });
    const sessionId = await insertSession(ctx, orgId, agentId);
    for (let i = 0; i < ROWS; i++) {
      await insertSession(ctx, orgId, agentId, { lastMessageAt: i });
      await insertMessage(ctx, sessionId, { sentAt: i });
      await ctx.db.insert("auditLog", { orgId, action: "test.row", target: `row:${i}`, at: i });
    }
    return { sessionId };
  });
  return { t, ...ids };
}

describe("page sizes", () => {
  test("sessions.list clamps an oversized page to the maximum and offers the rest by cursor", async () => {
    const { t } = await seeded();
    const page = await t.withIdentity(member).query(api.sessions.list, { orgId: "org_a", paginationOpts: hugePage });
    expect(page.page).toHaveLength(MAX_PAGE_SIZE);
    expect(page.isDone).toBe(false);
  });

  test("messages.list clamps an oversized page to the maximum", async () => {
    const { t, sessionId } = await seeded();
    const page = await t.withIdentity(member).query(api.messages.list, { orgId: "org_a", sessionId, paginationOpts: hugePage });
    expect(page.page).toHaveLength(MAX_PAGE_SIZE);
  });

  test("organizations.auditLog clamps an oversized page to the maximum", async () => {
    const { t } = await seeded();
    const page = await t.withIdentity(admin).query(api.organizations.auditLog, { orgId: "org_a", paginationOpts: hugePage });
    expect(page.page).toHaveLength(MAX_PAGE_SIZE);
  });

  test("a page size of zero or less still returns a page of at least one row", async () => {
    const { t } = await seeded();
    const page = await t.withIdentity(member).query(api.sessions.list, { orgId: "org_a", paginationOpts: { numItems: -5, cursor: null } });
    expect(page.page.length).toBeGreaterThanOrEqual(1);
  });
});
