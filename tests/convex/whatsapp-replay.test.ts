import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { internal } from "../../convex/_generated/api";
import { MAX_BODIES_PER_CREDENTIAL } from "../../convex/webhookReplays";
import { CREDENTIAL_LIFETIME_MS, sha256Hex } from "../../lib/whatsapp/signatures";
import { SECRET_A, bearerHeaders, postWhatsApp, qrcodeUpdated, seedWebhookAgents, signatureHeaders, upsert, webhookRows } from "../fixtures/evolution";
import { newTest, type TestConvex } from "./setup";

/**
 * SECURITY 1: a webhook credential is bound to what it delivers. Evolution's JWT has no jti and no
 * body hash and is shared by every event of the same second, so an identical (token, body) pair is
 * a duplicate, a new body under the same token is a real event, and one token carries a bounded
 * number of bodies.
 */

let t: TestConvex;

beforeEach(async () => {
  t = newTest();
  await seedWebhookAgents(t);
});

afterEach(() => {
  vi.useRealTimers();
});

const messageCount = () => t.run(async (ctx) => (await ctx.db.query("messages").collect()).length);
/** Every table's rows; scheduled jobs by name only (the first delivery's jobs may start meanwhile). */
async function rowsNow() {
  const { _scheduled_functions: jobs, ...tables } = await webhookRows(t);
  return { ...tables, jobs: (jobs as { name: string }[]).map((job) => job.name) };
}

const tokenOf = (headers: Record<string, string>) => headers.authorization.replace(/^Bearer /, "");

describe("one credential, one body", () => {
  test("an identical delivery (same token, same bytes) is answered as a duplicate and reprocesses nothing", async () => {
    const headers = await bearerHeaders(SECRET_A);
    // A pairing hint: ingest itself would schedule another gateway check; a replay schedules nothing.
    const body = JSON.stringify(qrcodeUpdated());
    expect((await postWhatsApp(t, headers, body)).body).toEqual({ success: true, outcome: "deferred" });
    const before = await rowsNow();
    const replay = await postWhatsApp(t, headers, body);
    expect(replay).toEqual({ status: 200, body: { success: true, outcome: "duplicate" } });
    expect(await rowsNow()).toEqual(before);
  });

  test("a new body under the same token is processed: Evolution signs every event of a second with one token", async () => {
    const headers = await bearerHeaders(SECRET_A);
    await postWhatsApp(t, headers, JSON.stringify(upsert({ id: "FIRST" })));
    const second = await postWhatsApp(t, headers, JSON.stringify(upsert({ id: "SECOND" })));
    expect(second.body).toEqual({ success: true, outcome: "stored" });
    expect(await messageCount()).toBe(2);
  });

  test("a signed body replayed within its five minutes is a duplicate too", async () => {
    const body = JSON.stringify(upsert({ id: "SIGNED" }));
    const headers = await signatureHeaders(SECRET_A, body);
    await postWhatsApp(t, headers, body);
    expect((await postWhatsApp(t, headers, body)).body).toEqual({ success: true, outcome: "duplicate" });
  });

  test("a delivery whose first attempt was not applied is processed again when retried", async () => {
    const headers = await bearerHeaders(SECRET_A);
    const body = JSON.stringify(upsert({ id: "RETRIED" }));
    const agentId = (await t.run((ctx) => ctx.db.query("agents").first()))!._id;
    const key = { credentialHash: await sha256Hex(`bearer:${tokenOf(headers)}`), bodyHash: await sha256Hex(body), agentId };
    // The first attempt claimed the pair, then failed before it was settled.
    expect(await t.mutation(internal.webhookReplays.claim, key)).toBe("process");
    expect((await postWhatsApp(t, headers, body)).body).toEqual({ success: true, outcome: "stored" });
    expect((await postWhatsApp(t, headers, body)).body).toEqual({ success: true, outcome: "duplicate" });
  });
});

describe("a bounded number of bodies per credential", () => {
  test(`a token that already carried ${MAX_BODIES_PER_CREDENTIAL} bodies is refused with 401 and the delivery writes nothing`, async () => {
    const headers = await bearerHeaders(SECRET_A);
    const credentialHash = await sha256Hex(`bearer:${tokenOf(headers)}`);
    await t.run((ctx) => ctx.db.insert("webhookCredentials", { credentialHash, bodies: MAX_BODIES_PER_CREDENTIAL, expiresAt: Date.now() + 60_000 }));
    const before = await webhookRows(t);
    const response = await postWhatsApp(t, headers, JSON.stringify(upsert({ id: "ONE-TOO-MANY" })));
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ success: false, code: "UNAUTHENTICATED" });
    expect(await webhookRows(t)).toEqual(before);
  });

  test("a burst of distinct events under one token is accepted up to the bound", async () => {
    const headers = await bearerHeaders(SECRET_A);
    for (let i = 0; i < 5; i++) expect((await postWhatsApp(t, headers, JSON.stringify(upsert({ id: `BURST-${i}` })))).status).toBe(200);
    const [credential] = await t.run((ctx) => ctx.db.query("webhookCredentials").collect());
    expect(credential.bodies).toBe(5);
    expect(MAX_BODIES_PER_CREDENTIAL).toBeGreaterThanOrEqual(50);
  });
});

describe("records expire with the credential", () => {
  test("the cron prunes records once their credential can no longer be accepted, and keeps the others", async () => {
    vi.useFakeTimers();
    await postWhatsApp(t, await bearerHeaders(SECRET_A), JSON.stringify(upsert({ id: "OLD" })));
    vi.advanceTimersByTime(CREDENTIAL_LIFETIME_MS + 1);
    await postWhatsApp(t, await bearerHeaders(SECRET_A), JSON.stringify(upsert({ id: "NEW" })));
    expect(await t.mutation(internal.webhookReplays.pruneExpired, {})).toEqual({ deleted: 2 });
    const left = await t.run(async (ctx) => [
      (await ctx.db.query("webhookCredentials").collect()).length,
      (await ctx.db.query("webhookCredentialBodies").collect()).length,
    ]);
    expect(left).toEqual([1, 1]);
  });

  test("records outlive every credential they could be replayed with (JWT ten minutes plus skew)", () => {
    expect(CREDENTIAL_LIFETIME_MS).toBeGreaterThanOrEqual((600 + 60) * 1000);
  });
});
