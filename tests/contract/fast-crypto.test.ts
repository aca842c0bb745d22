// @vitest-environment node
import { randomBytes, webcrypto } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { installFastCrypto } from "../../tools/convex-engine/fast-crypto";

/**
 * The engine answers small WebCrypto digests and HMACs on its own thread (fast-crypto.ts). Node's
 * implementation stays on SubtleCrypto's prototype, so every answer is compared with it.
 */
const subtle = webcrypto.subtle;
const node = Object.getPrototypeOf(subtle) as typeof subtle;
const HASHES = ["SHA-1", "SHA-256", "SHA-384", "SHA-512"] as const;
/** Around the 64 KiB line where the engine hands work back to Node's thread pool. */
const LENGTHS = [0, 1, 55, 64, 1000, 65_536, 65_537, 200_000];

beforeAll(() => {
  installFastCrypto(subtle);
});

const hex = (buffer: ArrayBuffer) => Buffer.from(buffer).toString("hex");

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  return null;
}

async function hmacKey(hash: string, usages: KeyUsage[] = ["sign", "verify"]) {
  return subtle.importKey("raw", randomBytes(32), { name: "HMAC", hash }, false, usages);
}

describe("fast WebCrypto", () => {
  it.each(HASHES)("%s digests equal Node's for every size, as a fresh ArrayBuffer", async (hash) => {
    for (const length of LENGTHS) {
      const data = randomBytes(length);
      const fast = await subtle.digest(hash, data);
      expect(fast).toBeInstanceOf(ArrayBuffer);
      expect(hex(fast)).toBe(hex(await node.digest.call(subtle, hash, data)));
    }
  });

  it("digests exactly the bytes of a view into a larger buffer", async () => {
    const backing = randomBytes(300);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 10, 100);
    const dataView = new DataView(backing.buffer, backing.byteOffset + 10, 100);
    const expected = hex(await node.digest.call(subtle, "SHA-256", view.slice()));
    expect(hex(await subtle.digest("SHA-256", view))).toBe(expected);
    expect(hex(await subtle.digest({ name: "sha-256" }, dataView))).toBe(expected);
  });

  it.each(HASHES)("HMAC %s signatures equal Node's, and verify accepts exactly them", async (hash) => {
    const key = await hmacKey(hash);
    for (const length of LENGTHS) {
      const data = randomBytes(length);
      const signature = await subtle.sign("HMAC", key, data);
      expect(hex(signature)).toBe(hex(await node.sign.call(subtle, "HMAC", key, data)));
      expect(await subtle.verify({ name: "HMAC" }, key, signature, data)).toBe(true);
    }
  });

  it("verify refuses a signature with one bit changed, a shorter one and an empty one", async () => {
    const key = await hmacKey("SHA-256");
    const data = randomBytes(500);
    const signature = new Uint8Array(await subtle.sign("HMAC", key, data));
    const flipped = signature.slice();
    flipped[7] ^= 1;
    for (const wrong of [flipped, signature.slice(0, 16), new Uint8Array(0)]) {
      expect(await subtle.verify("HMAC", key, wrong, data)).toBe(false);
      expect(await node.verify.call(subtle, "HMAC", key, wrong, data)).toBe(false);
    }
  });

  it("refuses a key without the usage with Node's own error", async () => {
    const verifyOnly = await hmacKey("SHA-256", ["verify"]);
    const fast = await errorOf(subtle.sign("HMAC", verifyOnly, randomBytes(10)));
    expect(fast).not.toBeNull();
    expect(fast).toEqual(await errorOf(node.sign.call(subtle, "HMAC", verifyOnly, randomBytes(10))));
  });

  it("refuses what is not a BufferSource or not a hash with Node's own error", async () => {
    for (const [algorithm, data] of [["SHA-256", "text"], ["MD5", new Uint8Array(4)]] as const) {
      const fast = await errorOf(subtle.digest(algorithm, data as never));
      expect(fast).not.toBeNull();
      expect(fast).toEqual(await errorOf(node.digest.call(subtle, algorithm, data as never)));
    }
  });

  it("leaves other algorithms to Node (an ECDSA signature still verifies)", async () => {
    const pair = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    const algorithm = { name: "ECDSA", hash: "SHA-256" };
    const data = randomBytes(100);
    const signature = await subtle.sign(algorithm, pair.privateKey, data);
    expect(await subtle.verify(algorithm, pair.publicKey, signature, data)).toBe(true);
  });
});
