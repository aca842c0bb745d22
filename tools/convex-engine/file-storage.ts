/**
 * Convex file storage as browsers use it, on the engine's API port: `generateUploadUrl()` answers a
 * one-time URL that accepts `POST` of the file (its `Content-Type` kept as the file's type, answer
 * `{ storageId }`), and `getUrl()` answers a signed URL that serves the file. convex-test alone
 * answers placeholder URLs that nothing serves (PIN convex-test 0.0.60: `1.0/storageGetUrl` and
 * `1.0/storageGenerateUploadUrl` in its asyncSyscall), so journal.ts routes those two here.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GenericId } from "convex/values";
import type { Backend } from "./backend";

type AsyncSyscall = (op: string, jsonArgs: string) => Promise<string>;

/** Like Convex's: upload URLs are short-lived; files over the cap are refused before storing. */
const UPLOAD_URL_TTL_MS = 60 * 60 * 1000;
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

// One engine per process: the syscall global these answer through is per process too.
let apiUrl: string | null = null;
const secret = randomBytes(32);
const uploadTokens = new Map<string, number>();
// Types of files stored by functions (`ctx.storage.store(blob)`) in this process: convex-test keeps
// none on the `_storage` row. Lost on restart, when such files are served untyped.
const storedTypes = new Map<string, string>();

/** Set once the API port listens; until then the placeholders of convex-test are answered. */
export function setFileStorageUrl(url: string | null): void {
  apiUrl = url;
}

const signatureOf = (storageId: string) => createHmac("sha256", secret).update(storageId).digest("base64url");

function validSignature(storageId: string, signature: string | null): boolean {
  if (signature === null) return false;
  const expected = Buffer.from(signatureOf(storageId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function fileStorageSyscall(inner: AsyncSyscall, op: string, jsonArgs: string): Promise<string> {
  if (apiUrl === null) return inner(op, jsonArgs);
  if (op === "1.0/storageGetUrl") {
    // convex-test answers null for a file that does not exist; keep that answer.
    if (JSON.parse(await inner(op, jsonArgs)) === null) return JSON.stringify(null);
    const { storageId } = JSON.parse(jsonArgs) as { storageId: string };
    return JSON.stringify(`${apiUrl}/api/storage/${encodeURIComponent(storageId)}?sig=${signatureOf(storageId)}`);
  }
  if (op === "1.0/storageGenerateUploadUrl") {
    const token = randomBytes(24).toString("base64url");
    uploadTokens.set(token, Date.now() + UPLOAD_URL_TTL_MS);
    return JSON.stringify(`${apiUrl}/api/storage/upload?token=${token}`);
  }
  return inner(op, jsonArgs);
}

type JsSyscall = (op: string, args: Record<string, unknown>) => Promise<unknown>;

/** `ctx.storage.store(blob)`: remembers the blob's type for serving. */
export async function fileStoreJsSyscall(inner: JsSyscall, op: string, args: Record<string, unknown>): Promise<unknown> {
  const result = await inner(op, args);
  const blob = args.blob;
  if (op === "storage/storeBlob" && typeof result === "string" && blob instanceof Blob && blob.type !== "") storedTypes.set(result, blob.type);
  return result;
}

/** Whether a token was issued and is unused and unexpired; using it spends it. */
function spendToken(token: string | null): boolean {
  if (token === null) return false;
  const expiresAt = uploadTokens.get(token);
  uploadTokens.delete(token);
  return expiresAt !== undefined && expiresAt > Date.now();
}

function readLimited(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.once("end", () => resolve(size > limit ? null : Buffer.concat(chunks)));
    request.once("error", reject);
  });
}

type Json = (status: number, body: unknown) => void;

async function upload(request: IncomingMessage, url: URL, backend: Backend, json: Json) {
  if (!spendToken(url.searchParams.get("token"))) return json(401, { code: "InvalidUploadToken", message: "This upload URL is invalid or expired." });
  const body = await readLimited(request, MAX_UPLOAD_BYTES);
  if (body === null) return json(413, { code: "FileTooLarge", message: "The file is too large." });
  const contentType = request.headers["content-type"]?.trim() || undefined;
  const storageId = await backend.t.run(async (ctx) => {
    const id = await (ctx.storage as unknown as { store(blob: Blob): Promise<GenericId<"_storage">> }).store(new Blob([new Uint8Array(body)]));
    // Real Convex records the upload's Content-Type on the `_storage` row; convex-test does not.
    if (contentType !== undefined) await ctx.db.patch(id as never, { contentType } as never);
    return id;
  });
  await backend.durable();
  json(200, { storageId });
}

function serve(url: URL, storageId: string, backend: Backend, response: ServerResponse, json: Json) {
  const { db } = backend.internals;
  const row = db._documents[storageId];
  const blob = db._storage[storageId];
  if (!validSignature(storageId, url.searchParams.get("sig")) || row === undefined || blob === undefined) {
    return json(404, { code: "NotFound", message: "File not found." });
  }
  const contentType = typeof row.contentType === "string" ? row.contentType : storedTypes.get(storageId);
  response.writeHead(200, {
    "content-length": String(blob.size),
    "cache-control": "private, max-age=3600",
    // An untyped file (stored before a restart) is left to the browser's sniffing, like Convex does.
    ...(contentType === undefined ? {} : { "content-type": contentType, "x-content-type-options": "nosniff" }),
  });
  void blob.arrayBuffer().then((bytes) => response.end(Buffer.from(bytes)));
}

/** Handles `/api/storage/...`; false for any other path. */
export async function handleFileStorage(request: IncomingMessage, response: ServerResponse, backend: Backend, json: Json): Promise<boolean> {
  const url = new URL(request.url ?? "/", "http://engine.local");
  if (request.method === "POST" && url.pathname === "/api/storage/upload") {
    await upload(request, url, backend, json);
    return true;
  }
  const match = /^\/api\/storage\/([^/]+)$/.exec(url.pathname);
  if (request.method === "GET" && match !== null) {
    serve(url, decodeURIComponent(match[1]), backend, response, json);
    return true;
  }
  return false;
}
