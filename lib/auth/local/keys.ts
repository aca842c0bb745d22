import path from "node:path";
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
  type JWK_RSA_Private,
  type JWK_RSA_Public,
} from "jose";
import { z } from "zod";
import { localDataDir } from "./config";
import { createJsonOnce, readJsonFile } from "./files";

/**
 * The issuer's RS256 key pair: generated on first use and kept in the data dir, so sessions and
 * tokens stay valid across restarts and Convex keeps the JWKS it cached.
 */

export const SIGNING_ALG = "RS256";

export type SigningKey = { kid: string; privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK };

const rsaJwk = z.looseObject({ kty: z.literal("RSA"), n: z.string(), e: z.string() });
const rsaPrivateJwk = rsaJwk.extend({ d: z.string(), p: z.string(), q: z.string(), dp: z.string(), dq: z.string(), qi: z.string() });
const storedKey = z.object({ kid: z.string().min(1), privateJwk: rsaPrivateJwk, publicJwk: rsaJwk, createdAt: z.number() });

async function generate(): Promise<z.infer<typeof storedKey>> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = rsaPrivateJwk.parse({ ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG });
  return { kid, privateJwk, publicJwk: rsaJwk.parse({ ...publicJwk, kid, alg: SIGNING_ALG, use: "sig" }), createdAt: Date.now() };
}

async function loadOrCreate(file: string): Promise<SigningKey> {
  const raw = (await readJsonFile(file)) ?? (await createJsonOnce(file, await generate()));
  const stored = storedKey.safeParse(raw);
  if (!stored.success) throw new Error(`The local auth signing key ${file} is unreadable; delete it to make a new one.`);
  const { kid, privateJwk, publicJwk } = stored.data;
  const [privateKey, publicKey] = await Promise.all([
    importJWK(privateJwk as JWK_RSA_Private, SIGNING_ALG),
    importJWK(publicJwk as JWK_RSA_Public, SIGNING_ALG),
  ]);
  // RSA JWKs always import as CryptoKey; the check only narrows the type.
  if (privateKey instanceof Uint8Array || publicKey instanceof Uint8Array) throw new Error(`${file} is not an RSA key.`);
  return { kid, privateKey, publicKey, publicJwk: publicJwk as JWK_RSA_Public };
}

// One load per key file and process; a failed load is retried on the next call.
const loaded = new Map<string, Promise<SigningKey>>();

export function signingKey(): Promise<SigningKey> {
  const file = path.join(localDataDir(), "signing-key.json");
  let key = loaded.get(file);
  if (key === undefined) {
    key = loadOrCreate(file);
    loaded.set(file, key);
    void key.catch(() => loaded.delete(file));
  }
  return key;
}

/** The public half, as served at `/.well-known/jwks.json`. */
export async function publicJwks(): Promise<{ keys: JWK[] }> {
  return { keys: [(await signingKey()).publicJwk] };
}
