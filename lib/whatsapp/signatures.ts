import { jwtVerify } from "jose";

/**
 * How a WhatsApp webhook proves it comes from the agent's gateway, both checked with the agent's own
 * `webhookSecret`. Pure (WebCrypto + jose), so Convex's runtime, Node and tests share it.
 *
 * (a) Evolution's `jwt_key` header mode: `Authorization: Bearer <HS256 JWT>` with claims
 *     `{ app: "evolution", action: "webhook", iat, exp: iat + 600 }`, minted per delivery.
 * (b) A body signature for signing relays: `x-spindesk-timestamp` (unix seconds) and
 *     `x-spindesk-signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>`.
 */

/** Evolution mints tokens valid for ten minutes; anything longer-lived was not minted by it. */
export const JWT_LIFETIME_SECONDS = 600;
/** Clock drift tolerated between the gateway and us (seconds). */
export const CLOCK_SKEW_SECONDS = 30;
/** A signed body older or newer than this (seconds) is refused, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export const TIMESTAMP_HEADER = "x-spindesk-timestamp";
export const SIGNATURE_HEADER = "x-spindesk-signature";
const SIGNATURE_PREFIX = "sha256=";

const encoder = new TextEncoder();

// Importing a key costs more than checking one webhook: each secret's HMAC key is imported once.
const MAX_CACHED_KEYS = 1_000;
const hmacKeys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = hmacKeys.get(secret);
  if (key === undefined) {
    if (hmacKeys.size >= MAX_CACHED_KEYS) hmacKeys.clear();
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    hmacKeys.set(secret, key);
  }
  return key;
}

/** True when `token` is an unexpired HS256 JWT from Evolution for this `secret`. */
export async function verifyEvolutionJwt(token: string, secret: string, now: number = Date.now()): Promise<boolean> {
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), {
      algorithms: ["HS256"],
      requiredClaims: ["exp", "iat"],
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: new Date(now),
    });
    const { iat, exp } = payload as { iat: number; exp: number };
    const nowSeconds = Math.floor(now / 1000);
    return (
      payload.app === "evolution" &&
      payload.action === "webhook" &&
      exp - iat <= JWT_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS &&
      iat <= nowSeconds + CLOCK_SKEW_SECONDS
    );
  } catch {
    return false;
  }
}

function toHex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Compares two strings in time that depends only on their lengths, never on where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i++) difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  return difference === 0;
}

/** The bytes signed: `timestamp + "." + body`, with the body as it came over the wire (never re-encoded text). */
function signedBytes(timestamp: string, body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${timestamp}.`);
  const raw = typeof body === "string" ? encoder.encode(body) : body;
  const bytes = new Uint8Array(prefix.byteLength + raw.byteLength);
  bytes.set(prefix, 0);
  bytes.set(raw, prefix.byteLength);
  return bytes;
}


/** `sha256=<hex>` for `timestamp` and `body`: what a relay puts in `x-spindesk-signature`. */
export async function signBody(secret: string, timestamp: string, body: string | Uint8Array): Promise<string> {
  const key = await hmacKey(secret);
  const mac = await crypto.subtle.sign("HMAC", key, signedBytes(timestamp, body));
  return `${SIGNATURE_PREFIX}${toHex(mac)}`;
}

/** True when `signature` signs exactly this `body` at a `timestamp` within five minutes of `now`. */
export async function verifyBodySignature(
  input: { secret: string; timestamp: string; signature: string; body: string | Uint8Array },
  now: number = Date.now(),
): Promise<boolean> {
  if (!/^\d{1,12}$/.test(input.timestamp)) return false;
  if (Math.abs(Math.floor(now / 1000) - Number(input.timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = await signBody(input.secret, input.timestamp, input.body);
  return constantTimeEqual(input.signature.trim().toLowerCase(), expected);
}

function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match ? match[1] : null;
}

/**
 * Authenticates one delivery: a Bearer token, when present, must be valid (no falling back to the
 * other mode); otherwise both signature headers must be present and valid. No credentials → false.
 */
export async function verifyWebhookRequest(
  headers: Headers,
  /** The raw request bytes: an HMAC over decoded text would accept bodies whose bytes differ. */
  body: string | Uint8Array,
  secret: string,
  now: number = Date.now(),
): Promise<boolean> {
  if (secret.length === 0) return false;
  const token = bearerToken(headers);
  if (token !== null) return verifyEvolutionJwt(token, secret, now);
  const timestamp = headers.get(TIMESTAMP_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  if (timestamp === null || signature === null) return false;
  return verifyBodySignature({ secret, timestamp: timestamp.trim(), signature, body }, now);
}

/** Lowercase hex SHA-256 of text or bytes (credentials and bodies are remembered by their hash only). */
export async function sha256Hex(input: string | Uint8Array): Promise<string> {
  const bytes = typeof input === "string" ? encoder.encode(input) : input;
  return toHex(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

/**
 * The credential a delivery was authenticated with, as one string: the Bearer token, or the
 * timestamp and signature pair. Replay records are keyed by its hash (convex/webhookReplays.ts).
 */
export function deliveryCredential(headers: Headers): string | null {
  const token = bearerToken(headers);
  if (token !== null) return `bearer:${token}`;
  const timestamp = headers.get(TIMESTAMP_HEADER);
  const signature = headers.get(SIGNATURE_HEADER);
  return timestamp === null || signature === null ? null : `signature:${timestamp.trim()}:${signature.trim().toLowerCase()}`;
}

/**
 * How long a credential can still be accepted after we first see it: a JWT's `iat` may be up to the
 * skew ahead of us and its `exp` (≤ iat + lifetime + skew) is checked with the skew again; a body
 * signature lives ± the tolerance. Replay records are kept this long, then pruned.
 */
export const CREDENTIAL_LIFETIME_MS = Math.max(JWT_LIFETIME_SECONDS + 3 * CLOCK_SKEW_SECONDS, 2 * SIGNATURE_TOLERANCE_SECONDS) * 1000;
