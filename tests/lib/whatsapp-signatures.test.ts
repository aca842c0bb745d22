import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  constantTimeEqual,
  signBody,
  verifyBodySignature,
  verifyEvolutionJwt,
  verifyWebhookRequest,
} from "../../lib/whatsapp/signatures";
import { SECRET_A, SECRET_B, evolutionJwt } from "../fixtures/evolution";

const NOW = 1_760_000_000_000;
const NOW_S = NOW / 1000;
const BODY = '{"event":"messages.upsert","instance":"sd-agentaaaaaaa","data":{}}';

describe("verifyEvolutionJwt", () => {
  test("accepts the token Evolution mints for this secret", async () => {
    expect(await verifyEvolutionJwt(await evolutionJwt(SECRET_A, { iat: NOW_S }), SECRET_A, NOW)).toBe(true);
  });

  test("accepts a token near the end of its ten minutes", async () => {
    expect(await verifyEvolutionJwt(await evolutionJwt(SECRET_A, { iat: NOW_S - 590 }), SECRET_A, NOW)).toBe(true);
  });

  test("refuses an expired token (past the skew)", async () => {
    expect(await verifyEvolutionJwt(await evolutionJwt(SECRET_A, { iat: NOW_S - 700 }), SECRET_A, NOW)).toBe(false);
  });

  test("refuses a token signed with another agent's secret", async () => {
    expect(await verifyEvolutionJwt(await evolutionJwt(SECRET_B, { iat: NOW_S }), SECRET_A, NOW)).toBe(false);
  });

  test.each([
    ["app", { app: "other" }],
    ["action", { action: "login" }],
    ["app (missing)", { app: undefined }],
  ])("refuses a token with the wrong %s claim", async (_name, claims) => {
    expect(await verifyEvolutionJwt(await evolutionJwt(SECRET_A, { iat: NOW_S, claims }), SECRET_A, NOW)).toBe(false);
  });

  test("refuses a token that lives longer than Evolution's ten minutes", async () => {
    expect(await verifyEvolutionJwt(await evolutionJwt(SECRET_A, { iat: NOW_S, lifetime: 3600 }), SECRET_A, NOW)).toBe(false);
  });

  test("refuses a token issued in the future", async () => {
    expect(await verifyEvolutionJwt(await evolutionJwt(SECRET_A, { iat: NOW_S + 300 }), SECRET_A, NOW)).toBe(false);
  });

  test("refuses another algorithm even with the right secret", async () => {
    expect(await verifyEvolutionJwt(await evolutionJwt(SECRET_A, { iat: NOW_S, alg: "HS512" }), SECRET_A, NOW)).toBe(false);
  });

  test("refuses an unsigned token and garbage", async () => {
    const header = btoa(JSON.stringify({ alg: "none", typ: "JWT" })).replace(/=+$/, "");
    const claims = btoa(JSON.stringify({ app: "evolution", action: "webhook", iat: NOW_S, exp: NOW_S + 600 })).replace(/=+$/, "");
    expect(await verifyEvolutionJwt(`${header}.${claims}.`, SECRET_A, NOW)).toBe(false);
    expect(await verifyEvolutionJwt("not-a-jwt", SECRET_A, NOW)).toBe(false);
  });
});

describe("verifyBodySignature", () => {
  const signed = async (timestamp = String(NOW_S), body = BODY, secret = SECRET_A) => ({
    secret: SECRET_A,
    timestamp,
    signature: await signBody(secret, timestamp, body),
    body: BODY,
  });

  test("signs as sha256=<64 hex> over timestamp.body", async () => {
    expect(await signBody(SECRET_A, "1", "x")).toMatch(/^sha256=[0-9a-f]{64}$/);
    // Cross-checked against Node's own HMAC implementation.
    const expected = createHmac("sha256", SECRET_A).update(`${NOW_S}.${BODY}`).digest("hex");
    expect(await signBody(SECRET_A, String(NOW_S), BODY)).toBe(`sha256=${expected}`);
  });

  test("accepts a fresh signature of this exact body", async () => {
    expect(await verifyBodySignature(await signed(), NOW)).toBe(true);
  });

  test("accepts an upper-case hex signature", async () => {
    const input = await signed();
    const upper = `sha256=${input.signature.slice("sha256=".length).toUpperCase()}`;
    expect(await verifyBodySignature({ ...input, signature: upper }, NOW)).toBe(true);
  });

  test.each([
    ["more than five minutes old", String(NOW_S - 301)],
    ["more than five minutes ahead", String(NOW_S + 301)],
    ["not a number", "yesterday"],
    ["in milliseconds", String(NOW)],
  ])("refuses a timestamp %s", async (_name, timestamp) => {
    expect(await verifyBodySignature(await signed(timestamp), NOW)).toBe(false);
  });

  test("refuses a body changed after signing", async () => {
    const input = await signed();
    expect(await verifyBodySignature({ ...input, body: BODY.replace("{}", '{"x":1}') }, NOW)).toBe(false);
  });

  test("refuses a signature made with another secret", async () => {
    expect(await verifyBodySignature(await signed(String(NOW_S), BODY, SECRET_B), NOW)).toBe(false);
  });

  test("refuses a signature moved to another timestamp", async () => {
    const input = await signed(String(NOW_S - 10));
    expect(await verifyBodySignature({ ...input, timestamp: String(NOW_S) }, NOW)).toBe(false);
  });

  test("refuses a bare hex digest without the sha256= prefix", async () => {
    const input = await signed();
    expect(await verifyBodySignature({ ...input, signature: input.signature.slice("sha256=".length) }, NOW)).toBe(false);
  });
});

describe("constantTimeEqual", () => {
  test("compares content and length", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
    expect(constantTimeEqual("", "a")).toBe(false);
  });
});

describe("verifyWebhookRequest", () => {
  test("accepts either mode on its own", async () => {
    const bearer = new Headers({ authorization: `Bearer ${await evolutionJwt(SECRET_A, { iat: NOW_S })}` });
    expect(await verifyWebhookRequest(bearer, BODY, SECRET_A, NOW)).toBe(true);
    const signature = await signBody(SECRET_A, String(NOW_S), BODY);
    const relay = new Headers({ "x-spindesk-timestamp": String(NOW_S), "x-spindesk-signature": signature });
    expect(await verifyWebhookRequest(relay, BODY, SECRET_A, NOW)).toBe(true);
  });

  test("a bad Bearer token is refused even next to a valid signature", async () => {
    const signature = await signBody(SECRET_A, String(NOW_S), BODY);
    const headers = new Headers({
      authorization: `Bearer ${await evolutionJwt(SECRET_B, { iat: NOW_S })}`,
      "x-spindesk-timestamp": String(NOW_S),
      "x-spindesk-signature": signature,
    });
    expect(await verifyWebhookRequest(headers, BODY, SECRET_A, NOW)).toBe(false);
  });

  test("refuses a request without credentials, with half a signature, or when the secret is empty", async () => {
    expect(await verifyWebhookRequest(new Headers(), BODY, SECRET_A, NOW)).toBe(false);
    expect(await verifyWebhookRequest(new Headers({ "x-spindesk-timestamp": String(NOW_S) }), BODY, SECRET_A, NOW)).toBe(false);
    expect(await verifyWebhookRequest(new Headers({ authorization: "Basic abc" }), BODY, SECRET_A, NOW)).toBe(false);
    const emptySecretToken = await evolutionJwt("", { iat: NOW_S }).catch(() => "x");
    expect(await verifyWebhookRequest(new Headers({ authorization: `Bearer ${emptySecretToken}` }), BODY, "", NOW)).toBe(false);
  });
});

describe("signatures over raw bytes", () => {
  // A body whose bytes are not valid UTF-8: decoding turns 0xFF into U+FFFD, so text no longer tells bytes apart.
  const rawBody = new Uint8Array([...new TextEncoder().encode('{"event":"x","note":"'), 0xff, ...new TextEncoder().encode('"}')]);
  const lossyText = new TextDecoder().decode(rawBody);

  test("accepts a signature over the exact bytes received", async () => {
    const signature = await signBody(SECRET_A, String(NOW_S), rawBody);
    expect(await verifyBodySignature({ secret: SECRET_A, timestamp: String(NOW_S), signature, body: rawBody }, NOW)).toBe(true);
  });

  test("refuses a signature over the lossily decoded text of those bytes", async () => {
    const signature = await signBody(SECRET_A, String(NOW_S), lossyText);
    expect(await verifyBodySignature({ secret: SECRET_A, timestamp: String(NOW_S), signature, body: rawBody }, NOW)).toBe(false);
  });
});
