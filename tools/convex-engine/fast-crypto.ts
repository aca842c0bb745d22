/**
 * WebCrypto as Convex's runtime offers it, answered on the engine's thread for small inputs.
 *
 * Node runs every `crypto.subtle` call as a job on its thread pool: a job, a thread hop and a
 * callback back into JavaScript cost far more than hashing a webhook body. Each delivery makes four
 * such calls (its signature or JWT check, the replay record's two hashes), which took ~9% of the
 * engine's thread under webhook load. Convex's own runtime implements WebCrypto itself; so does the
 * engine, for the cases that matter, with Node's synchronous hash and HMAC on inputs up to 64 KiB:
 * `digest` (SHA-1/256/384/512) and HMAC `sign` / `verify`. Anything else (other algorithms, larger
 * inputs, keys without the usage, malformed arguments) goes to Node's own implementation, so results
 * and errors are exactly Node's (`tests/contract/fast-crypto.test.ts` compares them).
 */
import { createHash, createHmac, KeyObject, timingSafeEqual, webcrypto } from "node:crypto";

/** Past this many bytes the thread pool is worth its cost, and the engine's thread stays free. */
const SYNC_LIMIT_BYTES = 64 * 1024;

const HASHES: Record<string, string> = { "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512" };

type Algorithm = string | { name?: unknown; hash?: unknown };
type Subtle = typeof webcrypto.subtle;

function nodeHash(algorithm: unknown): string | undefined {
  const name = typeof algorithm === "string" ? algorithm : (algorithm as { name?: unknown } | null)?.name;
  return typeof name === "string" ? HASHES[name.toUpperCase()] : undefined;
}

/** The bytes of a BufferSource small enough to hash here, else null. */
function smallBytes(data: unknown): Uint8Array | null {
  let bytes: Uint8Array | null = null;
  if (data instanceof ArrayBuffer) bytes = new Uint8Array(data);
  else if (ArrayBuffer.isView(data)) bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return bytes !== null && bytes.byteLength <= SYNC_LIMIT_BYTES ? bytes : null;
}

/** WebCrypto answers a fresh ArrayBuffer, never a view into Node's shared buffer pool. */
function ownArrayBuffer(buffer: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(buffer.byteLength);
  new Uint8Array(copy).set(buffer);
  return copy;
}

const hmacKeys = new WeakMap<webcrypto.CryptoKey, { key: KeyObject; hash: string }>();

/** An HMAC key allowed `usage`, as Node's KeyObject and hash name; null for anything else. */
function hmacKey(algorithm: Algorithm, key: unknown, usage: "sign" | "verify") {
  const name = typeof algorithm === "string" ? algorithm : algorithm?.name;
  if (typeof name !== "string" || name.toUpperCase() !== "HMAC") return null;
  if (!(key instanceof CryptoKey) || key.type !== "secret" || !key.usages.includes(usage)) return null;
  if (key.algorithm.name !== "HMAC") return null;
  let known = hmacKeys.get(key);
  if (known === undefined) {
    const hash = nodeHash((key.algorithm as webcrypto.HmacKeyAlgorithm).hash);
    if (hash === undefined) return null;
    known = { key: KeyObject.from(key), hash };
    hmacKeys.set(key, known);
  }
  return known;
}

function macOf(known: { key: KeyObject; hash: string }, bytes: Uint8Array): Buffer {
  return createHmac(known.hash, known.key).update(bytes).digest();
}

/** Installs the fast paths on this process's `crypto.subtle` (once; later calls do nothing). */
export function installFastCrypto(subtle: Subtle = webcrypto.subtle): void {
  const target = subtle as Subtle & { fastCryptoInstalled?: true };
  if (target.fastCryptoInstalled) return;
  const node = {
    digest: subtle.digest.bind(subtle),
    sign: subtle.sign.bind(subtle),
    verify: subtle.verify.bind(subtle),
  };
  const fast = {
    digest(algorithm: Algorithm, data: unknown) {
      const hash = nodeHash(algorithm);
      const bytes = smallBytes(data);
      if (hash === undefined || bytes === null) return node.digest(algorithm as never, data as never);
      return Promise.resolve(ownArrayBuffer(createHash(hash).update(bytes).digest()));
    },
    sign(algorithm: Algorithm, key: unknown, data: unknown) {
      const known = hmacKey(algorithm, key, "sign");
      const bytes = smallBytes(data);
      if (known === null || bytes === null) return node.sign(algorithm as never, key as never, data as never);
      return Promise.resolve(ownArrayBuffer(macOf(known, bytes)));
    },
    verify(algorithm: Algorithm, key: unknown, signature: unknown, data: unknown) {
      const known = hmacKey(algorithm, key, "verify");
      const bytes = smallBytes(data);
      const claimed = smallBytes(signature);
      if (known === null || bytes === null || claimed === null) {
        return node.verify(algorithm as never, key as never, signature as never, data as never);
      }
      const expected = macOf(known, bytes);
      return Promise.resolve(claimed.byteLength === expected.byteLength && timingSafeEqual(claimed, expected));
    },
  };
  Object.defineProperties(target, {
    digest: { value: fast.digest, configurable: true, writable: true },
    sign: { value: fast.sign, configurable: true, writable: true },
    verify: { value: fast.verify, configurable: true, writable: true },
    fastCryptoInstalled: { value: true },
  });
}
