import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, describe, expect, it } from "vitest";
import type { RunningEngine } from "../../tools/convex-engine";
import { cleanup, newDataDir, setUpContractEngine, startContractEngine } from "./harness";

const uploadUrl = makeFunctionReference<"mutation", Record<string, never>, string>("probe:uploadUrl");
const fileUrl = makeFunctionReference<"query", { storageId: string }, string | null>("probe:fileUrl");
const storeFromAction = makeFunctionReference<"action", { text: string; type: string }, string>("probe:storeFromAction");

const env = setUpContractEngine({ withProbe: true });
const dataDirs: string[] = [];
let engine: RunningEngine | null = null;

afterAll(async () => {
  await engine?.stop();
  cleanup(...dataDirs);
});

async function freshEngine() {
  const dataDir = newDataDir();
  dataDirs.push(dataDir);
  engine = await startContractEngine({ issuer: env.issuer, dataDir, convexDir: env.convexDir });
  return { dataDir, http: new ConvexHttpClient(engine.url, { logger: false }) };
}

async function upload(http: ConvexHttpClient, body: string, type: string) {
  const url = await http.mutation(uploadUrl, {});
  const answer = await fetch(url, { method: "POST", headers: { "Content-Type": type }, body });
  return { url, answer, storageId: answer.ok ? ((await answer.json()) as { storageId: string }).storageId : null };
}

describe("file storage", () => {
  it("stores a browser upload with its type and serves it at the URL getUrl answers, across a restart", async () => {
    const { dataDir, http } = await freshEngine();
    const { storageId } = await upload(http, "%PDF-1.4 proposta", "application/pdf");
    const link = await http.query(fileUrl, { storageId: storageId! });
    expect(link).toMatch(new RegExp(`^${engine!.url}/api/storage/`));

    const served = await fetch(link!);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    expect(await served.text()).toBe("%PDF-1.4 proposta");

    await engine!.stop();
    engine = await startContractEngine({ issuer: env.issuer, dataDir, convexDir: env.convexDir });
    const again = new ConvexHttpClient(engine.url, { logger: false });
    const afterRestart = await fetch((await again.query(fileUrl, { storageId: storageId! }))!);
    expect(await afterRestart.text()).toBe("%PDF-1.4 proposta");
    expect(afterRestart.headers.get("content-type")).toBe("application/pdf");
  });

  it("serves a file stored by a function with its blob's type", async () => {
    const { http } = await freshEngine();
    const storageId = await http.action(storeFromAction, { text: "OggS", type: "audio/ogg" });
    const served = await fetch((await http.query(fileUrl, { storageId }))!);
    expect(served.headers.get("content-type")).toBe("audio/ogg");
    expect(await served.text()).toBe("OggS");
  });

  it("accepts each upload URL once", async () => {
    const { http } = await freshEngine();
    const first = await upload(http, "a", "text/plain");
    const replay = await fetch(first.url, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "b" });
    expect(replay.status).toBe(401);
  });

  it("refuses a file link whose signature does not match", async () => {
    const { http } = await freshEngine();
    const { storageId } = await upload(http, "secret", "text/plain");
    const link = new URL((await http.query(fileUrl, { storageId: storageId! }))!);
    link.searchParams.set("sig", "forged");
    expect((await fetch(link)).status).toBe(404);
    link.searchParams.delete("sig");
    expect((await fetch(link)).status).toBe(404);
  });
});
