import { beforeEach, describe, expect, test } from "vitest";
import type { Id } from "../../convex/_generated/dataModel";
import {
  INSTANCE_B,
  SECRET_A,
  SECRET_B,
  deliverWhatsApp,
  envelope,
  messageData,
  postWhatsApp,
  seedWebhookAgents,
  signatureHeaders,
  upsert,
  webhookRows,
  type WebhookResponse,
} from "../fixtures/evolution";
import { newTest, type TestConvex } from "./setup";

let t: TestConvex;
let agentA: Id<"agents">;
let orgA: Id<"organizations">;

beforeEach(async () => {
  t = newTest();
  ({ agentA, orgA } = await seedWebhookAgents(t));
});

const nowSeconds = () => Math.floor(Date.now() / 1000);
const messageCount = () => t.run(async (ctx) => (await ctx.db.query("messages").collect()).length);

/** Runs a delivery that must be refused and checks it left every table exactly as it was. */
async function expectRefused(deliver: () => Promise<WebhookResponse>, status: number, code: string) {
  const before = await webhookRows(t);
  const response = await deliver();
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({ success: false, code });
  expect(response.body).not.toHaveProperty("details");
  expect(await webhookRows(t)).toEqual(before);
  return response;
}

describe("authentication: Evolution's Bearer JWT", () => {
  test("accepts a delivery with a valid token and stores the message", async () => {
    const response = await deliverWhatsApp(t, upsert());
    expect(response).toEqual({ status: 200, body: { success: true, outcome: "stored" } });
    expect(await messageCount()).toBe(1);
  });

  test("refuses an expired token", async () => {
    await expectRefused(() => deliverWhatsApp(t, upsert(), { iat: nowSeconds() - 700 }), 401, "UNAUTHENTICATED");
  });

  test("refuses a token signed with another agent's secret", async () => {
    await expectRefused(() => deliverWhatsApp(t, upsert(), { secret: SECRET_B }), 401, "UNAUTHENTICATED");
  });

  test.each([
    ["app", { app: "n8n" }],
    ["action", { action: "login" }],
  ])("refuses a token with the wrong %s claim", async (_name, claims) => {
    await expectRefused(() => deliverWhatsApp(t, upsert(), { claims }), 401, "UNAUTHENTICATED");
  });

  test("refuses a token valid for longer than Evolution's ten minutes", async () => {
    await expectRefused(() => deliverWhatsApp(t, upsert(), { lifetime: 86_400 }), 401, "UNAUTHENTICATED");
  });

  test("refuses a delivery without any credentials", async () => {
    const body = JSON.stringify(upsert());
    await expectRefused(() => postWhatsApp(t, { "content-type": "application/json" }, body), 401, "UNAUTHENTICATED");
  });

  test("a token for agent A cannot post as agent B", async () => {
    await expectRefused(() => deliverWhatsApp(t, upsert({ instance: INSTANCE_B }), { secret: SECRET_A }), 401, "UNAUTHENTICATED");
  });
});

describe("authentication during a secret rotation", () => {
  const NEW_SECRET = "c3".repeat(32);
  const rotate = (validUntil: number) =>
    t.run((ctx) =>
      ctx.db.patch("agents", agentA, { webhookSecret: NEW_SECRET, previousWebhookSecret: SECRET_A, previousSecretValidUntil: validUntil }),
    );

  test("accepts a delivery signed with the new secret", async () => {
    await rotate(Date.now() + 60_000);
    expect((await deliverWhatsApp(t, upsert(), { secret: NEW_SECRET })).status).toBe(200);
  });

  test("still accepts a delivery signed with the previous secret during the grace period", async () => {
    await rotate(Date.now() + 60_000);
    expect((await deliverWhatsApp(t, upsert())).status).toBe(200);
    expect(await messageCount()).toBe(1);
  });

  test("refuses the previous secret once the grace period is over", async () => {
    await rotate(Date.now() - 1);
    await expectRefused(() => deliverWhatsApp(t, upsert()), 401, "UNAUTHENTICATED");
  });
});

describe("authentication: body signature", () => {
  test("accepts a correctly signed body", async () => {
    const body = JSON.stringify(upsert());
    const response = await postWhatsApp(t, await signatureHeaders(SECRET_A, body), body);
    expect(response).toEqual({ status: 200, body: { success: true, outcome: "stored" } });
    expect(await messageCount()).toBe(1);
  });

  test("refuses a stale timestamp", async () => {
    const body = JSON.stringify(upsert());
    const headers = await signatureHeaders(SECRET_A, body, nowSeconds() - 6 * 60);
    await expectRefused(() => postWhatsApp(t, headers, body), 401, "UNAUTHENTICATED");
  });

  test("refuses a timestamp from the future", async () => {
    const body = JSON.stringify(upsert());
    const headers = await signatureHeaders(SECRET_A, body, nowSeconds() + 6 * 60);
    await expectRefused(() => postWhatsApp(t, headers, body), 401, "UNAUTHENTICATED");
  });

  test("refuses a body changed after it was signed", async () => {
    const body = JSON.stringify(upsert({ text: "quero 1 unidade" }));
    const headers = await signatureHeaders(SECRET_A, body);
    await expectRefused(() => postWhatsApp(t, headers, body.replace("1 unidade", "100 unidades")), 401, "UNAUTHENTICATED");
  });

  test("refuses a body signed with another agent's secret", async () => {
    const body = JSON.stringify(upsert());
    await expectRefused(async () => postWhatsApp(t, await signatureHeaders(SECRET_B, body), body), 401, "UNAUTHENTICATED");
  });
});

describe("agent resolution", () => {
  test("answers an unknown instance with a generic 404", async () => {
    const response = await expectRefused(() => deliverWhatsApp(t, upsert({ instance: "sd-nobodyhere" })), 404, "NOT_FOUND");
    expect(response.body).toEqual({ success: false, code: "NOT_FOUND", message: "Not found." });
  });

  test("answers a deleted agent exactly like an unknown one", async () => {
    await t.run((ctx) => ctx.db.patch("agents", agentA, { deletedAt: Date.now() }));
    const response = await expectRefused(() => deliverWhatsApp(t, upsert()), 404, "NOT_FOUND");
    expect(response.body).toEqual({ success: false, code: "NOT_FOUND", message: "Not found." });
  });

  test("refuses an agent whose organization was deleted", async () => {
    await t.run((ctx) => ctx.db.patch("organizations", orgA, { deletedAt: Date.now() }));
    await expectRefused(() => deliverWhatsApp(t, upsert()), 404, "NOT_FOUND");
  });
});

describe("body limits and parsing", () => {
  test("refuses a body over 1 MiB with 413", async () => {
    const huge = upsert({ text: "x".repeat(1024 * 1024) });
    await expectRefused(() => deliverWhatsApp(t, huge), 413, "INVALID_ARGUMENT");
  });

  test("refuses a body over 1 MiB that is not JSON with 413", async () => {
    await expectRefused(() => deliverWhatsApp(t, "x".repeat(1024 * 1024 + 1)), 413, "INVALID_ARGUMENT");
  });

  test("refuses a body over 1 MiB with 413 even when it inlines a small file", async () => {
    const huge = upsert({ message: { imageMessage: { mimetype: "image/jpeg", caption: "x".repeat(1024 * 1024) }, base64: "/9j/4AAQ" } });
    await expectRefused(() => deliverWhatsApp(t, huge), 413, "INVALID_ARGUMENT");
  });

  test("refuses a body that is not JSON with 400", async () => {
    await expectRefused(() => deliverWhatsApp(t, "event=messages.upsert&instance=x"), 400, "INVALID_ARGUMENT");
  });

  test("refuses JSON that is not an Evolution envelope with 400", async () => {
    await expectRefused(() => deliverWhatsApp(t, { hello: "world" }), 400, "INVALID_ARGUMENT");
  });

  test("refuses an authenticated messages.upsert whose data is malformed, writing nothing", async () => {
    const { key: _key, ...withoutKey } = messageData();
    await expectRefused(() => deliverWhatsApp(t, envelope("messages.upsert", withoutKey)), 400, "INVALID_ARGUMENT");
  });

  test("refuses a message without messageTimestamp (date_time is never used instead)", async () => {
    const { messageTimestamp: _ts, ...untimed } = messageData();
    await expectRefused(() => deliverWhatsApp(t, envelope("messages.upsert", untimed)), 400, "INVALID_ARGUMENT");
  });

  test.each([
    ["a number past JavaScript's dates", 99_999_999_999_999],
    ["a digit string before WhatsApp existed", "86400"],
    ["a protobuf Long far in the future", { low: 0, high: 1_000_000 }],
  ])("refuses an out-of-range messageTimestamp (%s) with 400, writing nothing", async (_name, messageTimestamp) => {
    await expectRefused(() => deliverWhatsApp(t, envelope("messages.upsert", { ...messageData(), messageTimestamp })), 400, "INVALID_ARGUMENT");
  });

  test("acknowledges an event it does not handle without writing anything", async () => {
    const before = await webhookRows(t);
    const response = await deliverWhatsApp(t, envelope("presence.update", { id: "x", presences: {} }));
    expect(response).toEqual({ status: 200, body: { success: true, ignored: true, reason: "event" } });
    expect(await webhookRows(t)).toEqual(before);
  });
});
