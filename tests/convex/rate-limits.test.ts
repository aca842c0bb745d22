import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { RATE_LIMITS, type RateLimitName } from "../../convex/model/rateLimits";
import { allRows } from "../fixtures/all-rows";
import { SECRET_A, bearerHeaders, postWhatsApp, upsert } from "../fixtures/evolution";
import { installFakeEvolution } from "../fixtures/fake-evolution";
import { adam, customerWrites, olivia, seedTeam, type Team } from "./inbox-setup";
import type { TestConvex } from "./setup";

/**
 * SECURITY 13: per member and per organization rate limits (convex-helpers' limiter). A refusal
 * answers RATE_LIMITED (429 over HTTP) and writes nothing: not the change, not the other bucket's
 * token (the mutation rolls back as a whole).
 */

let team: Team;
let t: TestConvex;

beforeEach(async () => {
  vi.useFakeTimers();
  team = await seedTeam();
  t = team.t;
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

/** A bucket with no token left, as if it had just been used up. */
const drain = (name: RateLimitName, key: string) => t.run((ctx) => ctx.db.insert("rateLimits", { name, key, value: 0, ts: Date.now() }));
const memberKey = (orgId: Id<"organizations">, externalId: string) => `${orgId}:member:${externalId}`;
const orgKey = (orgId: Id<"organizations">) => `${orgId}:org`;

async function expectRateLimitedWithoutWrites(attempt: () => Promise<unknown>) {
  const before = await allRows(t);
  await expect(attempt()).rejects.toMatchObject({ data: { code: "RATE_LIMITED" } });
  expect(await allRows(t)).toEqual(before);
}

describe("human writes into a conversation", () => {
  let sessionId: Id<"sessions">;
  beforeEach(async () => {
    sessionId = await customerWrites(t, "5511988887777");
  });

  const note = (text = "Ligar amanhã") => t.withIdentity(adam).mutation(api.notes.add, { orgId: "org_a", sessionId, text });

  test("a member whose bucket is empty cannot add a note", async () => {
    await drain("memberWrites", memberKey(team.orgA, "user_adam"));
    await expectRateLimitedWithoutWrites(() => note());
  });

  test("nobody in an organization whose bucket is empty can add a note, and the member's token is given back", async () => {
    await drain("orgWrites", orgKey(team.orgA));
    await expectRateLimitedWithoutWrites(() => note());
  });

  test("a member cannot send a reply once their bucket is empty, and the gateway is never asked", async () => {
    const gateway = installFakeEvolution();
    await drain("memberWrites", memberKey(team.orgA, "user_adam"));
    await expectRateLimitedWithoutWrites(() => t.withIdentity(adam).action(api.messages.sendHuman, { orgId: "org_a", sessionId, text: "Oi" }));
    expect(gateway.calls).toHaveLength(0);
  });

  test("a member cannot send a file once their bucket is empty", async () => {
    const storageId = await t.run((ctx) => ctx.storage.store(new Blob(["%PDF-1.4"], { type: "application/pdf" })));
    await drain("memberWrites", memberKey(team.orgA, "user_adam"));
    await expectRateLimitedWithoutWrites(() => t.withIdentity(adam).mutation(api.messages.sendMedia, { orgId: "org_a", sessionId, storageId }));
  });

  test(`a burst of ${RATE_LIMITS.memberWrites.capacity} notes goes through, the next one is refused`, async () => {
    for (let i = 0; i < RATE_LIMITS.memberWrites.capacity; i++) await note(`nota ${i}`);
    await expectRateLimitedWithoutWrites(() => note("uma a mais"));
  });

  test("the bucket refills with time", async () => {
    await drain("memberWrites", memberKey(team.orgA, "user_adam"));
    vi.advanceTimersByTime(60_000);
    await expect(note()).resolves.toMatchObject({ messageId: expect.any(String) });
  });

  test("another organization's empty bucket changes nothing for this one", async () => {
    await drain("orgWrites", orgKey(team.orgB));
    await expect(note()).resolves.toMatchObject({ messageId: expect.any(String) });
  });
});

describe("invitations", () => {
  const claim = () => t.withIdentity(olivia).mutation(api.organizations.claimInviteQuota, { orgId: "org_a" });

  test(`an admin sends ${RATE_LIMITS.memberInvites.capacity} invitations in a row, the next one is refused`, async () => {
    for (let i = 0; i < RATE_LIMITS.memberInvites.capacity; i++) await claim();
    await expectRateLimitedWithoutWrites(claim);
  });

  test("an organization whose invitation bucket is empty invites nobody", async () => {
    await drain("orgInvites", orgKey(team.orgA));
    await expectRateLimitedWithoutWrites(claim);
  });

  test("a member cannot take invitation quota at all", async () => {
    await expect(t.withIdentity(adam).mutation(api.organizations.claimInviteQuota, { orgId: "org_a" })).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
  });
});

describe("WhatsApp numbers", () => {
  test("an organization whose creation bucket is empty creates no agent, and the gateway is never asked", async () => {
    const gateway = installFakeEvolution();
    await drain("orgAgentCreations", orgKey(team.orgA));
    await expectRateLimitedWithoutWrites(() => t.withIdentity(olivia).action(api.agentGateway.create, { orgId: "org_a", name: "Vendas 2" }));
    expect(gateway.calls).toHaveLength(0);
  });

  test("an admin whose creation bucket is empty creates no agent", async () => {
    installFakeEvolution();
    await drain("memberAgentCreations", memberKey(team.orgA, "user_olivia"));
    await expectRateLimitedWithoutWrites(() => t.withIdentity(olivia).action(api.agentGateway.create, { orgId: "org_a", name: "Vendas 2" }));
  });

  test("an admin whose QR bucket is empty gets no new QR, and the gateway is never asked", async () => {
    const gateway = installFakeEvolution();
    await drain("memberQrRefreshes", memberKey(team.orgA, "user_olivia"));
    await expectRateLimitedWithoutWrites(() => t.withIdentity(olivia).action(api.agentGateway.refreshQr, { orgId: "org_a", agentId: team.agentA }));
    expect(gateway.calls).toHaveLength(0);
  });

  test("an organization whose QR bucket is empty gets no new QR", async () => {
    installFakeEvolution();
    await drain("orgQrRefreshes", orgKey(team.orgA));
    await expectRateLimitedWithoutWrites(() => t.withIdentity(olivia).action(api.agentGateway.refreshQr, { orgId: "org_a", agentId: team.agentA }));
  });
});

describe("webhook deliveries per number", () => {
  test("a number whose bucket is empty is answered 429 RATE_LIMITED and nothing is written; the retry goes through", async () => {
    await drain("agentWebhooks", `agent:${team.agentA}`);
    const headers = await bearerHeaders(SECRET_A);
    const body = JSON.stringify(upsert({ id: "BUSY" }));
    const before = await allRows(t);
    const response = await postWhatsApp(t, headers, body);
    expect(response.status).toBe(429);
    expect(response.body).toMatchObject({ success: false, code: "RATE_LIMITED" });
    expect(await allRows(t)).toEqual(before);
    // Evolution retries a 429 with the same token and body, after a backoff.
    vi.advanceTimersByTime(5_000);
    expect((await postWhatsApp(t, headers, body)).body).toEqual({ success: true, outcome: "stored" });
  });

  test("an identical replay is answered as a duplicate without taking a token", async () => {
    const headers = await bearerHeaders(SECRET_A);
    const body = JSON.stringify(upsert({ id: "ONCE" }));
    await postWhatsApp(t, headers, body);
    // The first delivery took a token; now the bucket is empty.
    await t.run(async (ctx) => {
      const bucket = (await ctx.db.query("rateLimits").collect()).find((row) => row.name === "agentWebhooks")!;
      await ctx.db.patch("rateLimits", bucket._id, { value: 0, ts: Date.now() });
    });
    expect((await postWhatsApp(t, headers, body)).body).toEqual({ success: true, outcome: "duplicate" });
  });

});
