import type { StorageActionWriter } from "convex/server";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import type { MutationCtx } from "../../convex/_generated/server";
import { triggers } from "../../convex/lib/triggers";
import { base64ToBytes, MAX_MEDIA_BYTES } from "../../lib/whatsapp/mediaPolicy";
import { insertMessage, insertSession, orgWithAgent, stubEvolution } from "../fixtures/conversations";
import { identity } from "../fixtures/identities";
import { newTest, type TestConvex } from "./setup";

const member = identity({ userId: "user_member_org_a", orgId: "org_a" });
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const OGG_BYTES = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 0, 0]);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

async function twoOrgs() {
  const t = newTest();
  const ids = await t.run(async (ctx) => {
    const a = await orgWithAgent(ctx, "org_a");
    const b = await orgWithAgent(ctx, "org_b");
    const sessionA = await insertSession(ctx, a.orgId, a.agentId);
    const sessionB = await insertSession(ctx, b.orgId, b.agentId);
    return { a, b, sessionA, sessionB };
  });
  return { t, ...ids };
}

/** A received media message written as ingest writes it: through the triggers, so its download is scheduled. */
async function receiveMedia(t: TestConvex, sessionId: Id<"sessions">, extra: Partial<Doc<"messages">>, inlineBase64?: string) {
  return t.run(async (ctx) => {
    const db = triggers.wrapDB(ctx as MutationCtx).db;
    const session = (await db.get("sessions", sessionId))!;
    const messageId = await db.insert("messages", {
      orgId: session.orgId,
      sessionId,
      agentId: session.agentId,
      direction: "in",
      author: "customer",
      text: "",
      externalId: "3EB0MEDIA0001",
      sentAt: 1_700_000_000_000,
      delivery: "delivered",
      ...extra,
    });
    if (inlineBase64 !== undefined) {
      // As the webhook files it: the decoded bytes already in file storage.
      const mimeType = extra.media?.mimeType;
      const storageId = await (ctx.storage as unknown as StorageActionWriter).store(new Blob([base64ToBytes(inlineBase64)], mimeType ? { type: mimeType } : {}));
      await ctx.db.insert("mediaInbox", { orgId: session.orgId, messageId, storageId, ...(mimeType ? { mimeType } : {}) });
    }
    return messageId;
  });
}

const photo = { kind: "image" as const, text: "essa é a planilha", media: { state: "pending" as const, mimeType: "image/png" } };
const voiceNote = {
  kind: "audio" as const,
  media: { state: "pending" as const, mimeType: "audio/ogg; codecs=opus", durationSec: 4, voiceNote: true },
};

/** The gateway's `getBase64FromMediaMessage`, answering each call with `answer(callNumber)`. */
function stubMediaGateway(answer: (call: number) => Response) {
  stubEvolution();
  const calls: string[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push(request.url);
    return answer(calls.length);
  });
  return calls;
}

const base64Answer = (base64: string, mimetype: string) => Response.json({ mediaType: "audioMessage", fileName: null, mimetype, base64 });

const runScheduled = (t: TestConvex) => t.finishAllScheduledFunctions(vi.runAllTimers);
const messageOf = (t: TestConvex, id: Id<"messages">) => t.run((ctx) => ctx.db.get("messages", id));
const storedFiles = (t: TestConvex) => t.run((ctx) => ctx.db.system.query("_storage").collect());
const inboxRows = (t: TestConvex) => t.run((ctx) => ctx.db.query("mediaInbox").collect());

describe("download of received media", () => {
  test("a photo carried inline by the webhook is stored, marked ready, and its inline copy dropped", async () => {
    const { t, sessionA } = await twoOrgs();
    const messageId = await receiveMedia(t, sessionA, photo, PNG_BASE64);
    await runScheduled(t);

    const message = await messageOf(t, messageId);
    expect(message?.media).toMatchObject({ state: "ready", mimeType: "image/png", size: 70, storageId: expect.any(String) });
    expect(message?.text).toBe("essa é a planilha");
    const storedSize = await t.run(async (ctx) => (await ctx.storage.get(message!.media!.storageId!))?.size);
    expect(storedSize).toBe(70);
    expect(await inboxRows(t)).toEqual([]);
  });

  test("a voice note without an inline copy is fetched from the gateway by its WhatsApp id", async () => {
    const { t, sessionA } = await twoOrgs();
    const calls = stubMediaGateway(() => base64Answer(btoa(String.fromCharCode(...OGG_BYTES)), "audio/ogg; codecs=opus"));
    const messageId = await receiveMedia(t, sessionA, voiceNote);
    await runScheduled(t);

    expect(calls).toEqual([expect.stringMatching(/\/chat\/getBase64FromMediaMessage\/instance-/)]);
    expect((await messageOf(t, messageId))?.media).toMatchObject({ state: "ready", size: 8, durationSec: 4, voiceNote: true });
  });

  test("a download failing three times is marked failed, and nothing else about the message is lost", async () => {
    const { t, sessionA } = await twoOrgs();
    stubMediaGateway(() => Response.json({ error: "Bad Request" }, { status: 400 }));
    const messageId = await receiveMedia(t, sessionA, photo);
    const before = await messageOf(t, messageId);
    await runScheduled(t);

    const after = await messageOf(t, messageId);
    expect(after?.media).toEqual({ ...photo.media, state: "failed", attempts: 3 });
    const { media: _before, ...restBefore } = before!;
    const { media: _after, ...restAfter } = after!;
    expect(restAfter).toEqual(restBefore);
    expect(await storedFiles(t)).toEqual([]);
  });

  test("a file of a type not allowed for its kind is marked failed at once, with nothing stored", async () => {
    const { t, sessionA } = await twoOrgs();
    const messageId = await receiveMedia(t, sessionA, { ...photo, media: { state: "pending", mimeType: "application/x-msdownload" } }, PNG_BASE64);
    await runScheduled(t);
    expect((await messageOf(t, messageId))?.media).toMatchObject({ state: "failed", attempts: 1 });
    expect(await storedFiles(t)).toEqual([]);
    expect(await inboxRows(t)).toEqual([]);
  });

  test("a file WhatsApp says is over 16 MiB is marked failed without being fetched", async () => {
    const { t, sessionA } = await twoOrgs();
    const calls = stubMediaGateway(() => base64Answer(PNG_BASE64, "image/png"));
    const messageId = await receiveMedia(t, sessionA, { ...photo, media: { ...photo.media, size: MAX_MEDIA_BYTES + 1 } });
    await runScheduled(t);
    expect((await messageOf(t, messageId))?.media).toMatchObject({ state: "failed", attempts: 1 });
    expect(calls).toEqual([]);
    expect(await storedFiles(t)).toEqual([]);
  });

  test("a fetched file over 16 MiB is marked failed, with nothing stored", async () => {
    const { t, sessionA } = await twoOrgs();
    // Just over the cap once decoded: base64 carries 3 bytes in 4 characters.
    stubMediaGateway(() => base64Answer("A".repeat(Math.ceil(((MAX_MEDIA_BYTES + 3) * 4) / 3)), "image/png"));
    const messageId = await receiveMedia(t, sessionA, photo);
    await runScheduled(t);
    expect((await messageOf(t, messageId))?.media).toMatchObject({ state: "failed", attempts: 1 });
    expect(await storedFiles(t)).toEqual([]);
  }, 30_000);

  test("retry puts a failed file back in the queue and fetches it again", async () => {
    const { t, sessionA } = await twoOrgs();
    const messageId = await receiveMedia(t, sessionA, { ...photo, media: { state: "failed", mimeType: "image/png", attempts: 3 } });
    stubMediaGateway(() => base64Answer(PNG_BASE64, "image/png"));
    await t.withIdentity(member).mutation(api.media.retry, { orgId: "org_a", messageId });
    await runScheduled(t);
    expect((await messageOf(t, messageId))?.media).toMatchObject({ state: "ready", attempts: 0 });
  });

  test("retry refuses a file that has not failed with CONFLICT", async () => {
    const { t, sessionA } = await twoOrgs();
    const messageId = await receiveMedia(t, sessionA, photo, PNG_BASE64);
    await runScheduled(t);
    const attempt = t.withIdentity(member).mutation(api.media.retry, { orgId: "org_a", messageId });
    await expect(attempt).rejects.toMatchObject({ data: { code: "CONFLICT" } });
  });

  test("retry refuses another organization's message with NOT_FOUND", async () => {
    const { t, sessionB } = await twoOrgs();
    const messageId = await t.run((ctx) => insertMessage(ctx, sessionB, { kind: "image", media: { state: "failed", attempts: 3 } }));
    const attempt = t.withIdentity(member).mutation(api.media.retry, { orgId: "org_a", messageId });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect((await messageOf(t, messageId))?.media?.state).toBe("failed");
  });
});

describe("fileUrl", () => {
  test("gives a member a link to a ready file of the org's message, and null while it is pending", async () => {
    const { t, sessionA } = await twoOrgs();
    const messageId = await receiveMedia(t, sessionA, photo, PNG_BASE64);
    const caller = t.withIdentity(member);
    expect(await caller.query(api.media.fileUrl, { orgId: "org_a", messageId })).toBeNull();
    await runScheduled(t);
    expect(await caller.query(api.media.fileUrl, { orgId: "org_a", messageId })).toEqual(expect.stringMatching(/^https?:\/\//));
  });

  test("refuses another organization's message with NOT_FOUND", async () => {
    const { t, sessionB } = await twoOrgs();
    const messageId = await receiveMedia(t, sessionB, photo, PNG_BASE64);
    await runScheduled(t);
    const attempt = t.withIdentity(member).query(api.media.fileUrl, { orgId: "org_a", messageId });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });
});

async function storeBlob(t: TestConvex, blob: Blob) {
  return t.run((ctx) => (ctx.storage as unknown as StorageActionWriter).store(blob));
}

const pdf = new Blob(["%PDF-1.4 proposta"], { type: "application/pdf" });

describe("uploads from the composer", () => {
  test("a PDF is claimed for the org with its name, type and size", async () => {
    const { t, a } = await twoOrgs();
    const storageId = await storeBlob(t, pdf);
    const upload = await t
      .withIdentity(member)
      .action(api.media.confirmUpload, { orgId: "org_a", storageId, fileName: "proposta.pdf", mimeType: "application/pdf" });
    expect(upload).toEqual({ storageId, fileName: "proposta.pdf", mimeType: "application/pdf", size: pdf.size });
    expect(await t.run((ctx) => ctx.db.query("uploads").collect())).toEqual([
      expect.objectContaining({ orgId: a.orgId, userId: a.userId, storageId }),
    ]);
  });

  test.each([
    ["too big", new Blob([new Uint8Array(MAX_MEDIA_BYTES + 1)]), "image/png"],
    ["of a type WhatsApp cannot carry", new Blob(["MZ"]), "application/x-msdownload"],
  ])("a file %s is refused with INVALID_ARGUMENT and deleted", async (_name, blob, mimeType) => {
    const { t } = await twoOrgs();
    const storageId = await storeBlob(t, blob);
    const attempt = t.withIdentity(member).action(api.media.confirmUpload, { orgId: "org_a", storageId, fileName: "x", mimeType });
    await expect(attempt).rejects.toMatchObject({ data: { code: "INVALID_ARGUMENT" } });
    expect(await storedFiles(t)).toEqual([]);
    expect(await t.run((ctx) => ctx.db.query("uploads").collect())).toEqual([]);
  });

  test("a file another organization claimed is refused with NOT_FOUND and stays theirs", async () => {
    const { t, b } = await twoOrgs();
    const storageId = await storeBlob(t, pdf);
    await t.withIdentity(identity({ userId: "user_member_org_b", orgId: "org_b" })).action(api.media.confirmUpload, {
      orgId: "org_b",
      storageId,
      fileName: "b.pdf",
      mimeType: "application/pdf",
    });
    const attempt = t.withIdentity(member).action(api.media.confirmUpload, { orgId: "org_a", storageId, fileName: "a.pdf", mimeType: "application/pdf" });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect(await t.run((ctx) => ctx.db.query("uploads").collect())).toEqual([expect.objectContaining({ orgId: b.orgId })]);
    expect(await storedFiles(t)).toHaveLength(1);
  });
});

async function claimedPdf(t: TestConvex) {
  const storageId = await storeBlob(t, pdf);
  await t.withIdentity(member).action(api.media.confirmUpload, { orgId: "org_a", storageId, fileName: "proposta.pdf", mimeType: "application/pdf" });
  return storageId;
}

type SentBody = { number: string; mediatype?: string; mimetype?: string; media?: string; fileName?: string; caption?: string; quoted?: unknown };

describe("sendMedia", () => {
  test("sends a claimed PDF with its caption as a document and marks it sent", async () => {
    const { t, sessionA } = await twoOrgs();
    const storageId = await claimedPdf(t);
    const gateway = stubEvolution({ externalId: "3EB0PDF00001" });
    const { messageId } = await t
      .withIdentity(member)
      .mutation(api.messages.sendMedia, { orgId: "org_a", sessionId: sessionA, storageId, caption: " Segue a proposta " });
    expect((await messageOf(t, messageId))?.delivery).toBe("pending");
    await runScheduled(t);

    expect(gateway.calls.map((call) => [call.url, call.body])).toEqual([
      [
        expect.stringMatching(/\/message\/sendMedia\/instance-/),
        expect.objectContaining({
          number: "5511988887777",
          mediatype: "document",
          mimetype: "application/pdf",
          fileName: "proposta.pdf",
          caption: "Segue a proposta",
          media: btoa("%PDF-1.4 proposta"),
        } satisfies SentBody),
      ],
    ]);
    expect(await messageOf(t, messageId)).toMatchObject({
      kind: "document",
      text: "Segue a proposta",
      externalId: "3EB0PDF00001",
      delivery: "sent",
      media: { state: "ready", storageId, fileName: "proposta.pdf", mimeType: "application/pdf" },
    });
  });

  test("a file never claimed by the org is refused with NOT_FOUND and nothing is sent", async () => {
    const { t, sessionA } = await twoOrgs();
    const storageId = await storeBlob(t, pdf);
    const gateway = stubEvolution();
    const attempt = t.withIdentity(member).mutation(api.messages.sendMedia, { orgId: "org_a", sessionId: sessionA, storageId });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    await runScheduled(t);
    expect(gateway.calls).toEqual([]);
  });

  test("another organization's upload is refused with NOT_FOUND", async () => {
    const { t, sessionA } = await twoOrgs();
    const storageId = await storeBlob(t, pdf);
    await t.withIdentity(identity({ userId: "user_member_org_b", orgId: "org_b" })).action(api.media.confirmUpload, {
      orgId: "org_b",
      storageId,
      fileName: "b.pdf",
      mimeType: "application/pdf",
    });
    const attempt = t.withIdentity(member).mutation(api.messages.sendMedia, { orgId: "org_a", sessionId: sessionA, storageId });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
  });

  test("a failed send is marked not delivered, and retrySend sends it again", async () => {
    const { t, sessionA } = await twoOrgs();
    const storageId = await claimedPdf(t);
    stubEvolution({ failWith: 400 });
    const { messageId } = await t.withIdentity(member).mutation(api.messages.sendMedia, { orgId: "org_a", sessionId: sessionA, storageId });
    await runScheduled(t);
    expect((await messageOf(t, messageId))?.delivery).toBe("failed");

    const gateway = stubEvolution({ externalId: "3EB0RETRY001" });
    await t.withIdentity(member).mutation(api.messages.retrySend, { orgId: "org_a", messageId });
    await runScheduled(t);
    expect(gateway.calls).toHaveLength(1);
    expect(await messageOf(t, messageId)).toMatchObject({ delivery: "sent", externalId: "3EB0RETRY001" });
  });
});

describe("retrySend", () => {
  test("sends a failed text reply again with its quote", async () => {
    const { t, sessionA } = await twoOrgs();
    const messageId = await t.run((ctx) =>
      insertMessage(ctx, sessionA, {
        direction: "out",
        author: "human",
        text: "Posso ajudar?",
        delivery: "failed",
        quoted: { externalId: "3EB0QUOTED01", text: "Oi" },
      }),
    );
    const gateway = stubEvolution({ externalId: "3EB0TEXT0001" });
    await t.withIdentity(member).mutation(api.messages.retrySend, { orgId: "org_a", messageId });
    await runScheduled(t);
    expect(gateway.calls.map((call) => call.body)).toEqual([
      { number: "5511988887777", text: "Posso ajudar?", quoted: { key: { id: "3EB0QUOTED01" } } },
    ]);
    expect((await messageOf(t, messageId))?.delivery).toBe("sent");
  });

  test("refuses a message that was delivered with CONFLICT", async () => {
    const { t, sessionA } = await twoOrgs();
    const messageId = await t.run((ctx) => insertMessage(ctx, sessionA, { direction: "out", author: "human", delivery: "delivered" }));
    const attempt = t.withIdentity(member).mutation(api.messages.retrySend, { orgId: "org_a", messageId });
    await expect(attempt).rejects.toMatchObject({ data: { code: "CONFLICT" } });
  });

  test("refuses another organization's message with NOT_FOUND", async () => {
    const { t, sessionB } = await twoOrgs();
    const messageId = await t.run((ctx) => insertMessage(ctx, sessionB, { direction: "out", author: "human", delivery: "failed" }));
    const attempt = t.withIdentity(member).mutation(api.messages.retrySend, { orgId: "org_a", messageId });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect((await messageOf(t, messageId))?.delivery).toBe("failed");
  });
});

describe("quoted replies", () => {
  test("a text reply quoting a customer message passes its WhatsApp id to the gateway and stores the quote", async () => {
    const { t, sessionA } = await twoOrgs();
    vi.useRealTimers();
    const quotedId = await t.run((ctx) => insertMessage(ctx, sessionA, { text: "Quanto custa?", externalId: "3EB0CUSTOMER1" }));
    const gateway = stubEvolution();
    const { messageId } = await t
      .withIdentity(member)
      .action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "R$ 99", quotedMessageId: quotedId });
    expect(gateway.calls.map((call) => call.body)).toEqual([
      { number: "5511988887777", text: "R$ 99", quoted: { key: { id: "3EB0CUSTOMER1" } } },
    ]);
    expect((await messageOf(t, messageId))?.quoted).toEqual({ externalId: "3EB0CUSTOMER1", text: "Quanto custa?", messageId: quotedId });
  });

  test("quoting another organization's message is refused with NOT_FOUND", async () => {
    const { t, sessionA, sessionB } = await twoOrgs();
    vi.useRealTimers();
    const quotedId = await t.run((ctx) => insertMessage(ctx, sessionB, { externalId: "3EB0OTHERORG1" }));
    const gateway = stubEvolution();
    const attempt = t
      .withIdentity(member)
      .action(api.messages.sendHuman, { orgId: "org_a", sessionId: sessionA, text: "Oi", quotedMessageId: quotedId });
    await expect(attempt).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect(gateway.calls).toEqual([]);
  });
});

describe("the thread's view of a message", () => {
  test("a message the customer deleted comes back without its text, which stays stored", async () => {
    const { t, sessionA } = await twoOrgs();
    await t.run((ctx) => insertMessage(ctx, sessionA, { text: "meu CPF é 123", deletedAt: 1_700_000_000_500 }));
    const { page } = await t
      .withIdentity(member)
      .query(api.messages.list, { orgId: "org_a", sessionId: sessionA, paginationOpts: { numItems: 10, cursor: null } });
    expect(page[0]).toMatchObject({ text: null, deleted: true, previousTexts: [] });
    expect((await t.run((ctx) => ctx.db.query("messages").collect()))[0].text).toBe("meu CPF é 123");
  });
});
