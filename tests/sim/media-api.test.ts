import { describe, expect, test } from "vitest";
import { sampleDocument, sampleImage } from "../../tools/whatsapp-sim/media";
import { setUpSimulatorWithReceiver, waitFor } from "./helpers";

const env = setUpSimulatorWithReceiver();
const CUSTOMER = "5511988887777";

/** A connected instance whose webhook asks for every event SpinDesk subscribes to, files inline. */
async function linked(instance: string, base64 = true) {
  await env.sim.connected(instance, env.receiver.url);
  await env.sim.call("POST", `/webhook/set/${instance}`, {
    webhook: { enabled: true, url: env.receiver.url, base64, headers: { jwt_key: "k" } },
  });
}

const png = sampleImage(4, 3).toString("base64");

describe("POST /message/sendMedia", () => {
  test("answers Evolution's shape with the file's imageMessage, caption and size", async () => {
    await linked("media-image");
    const res = await env.sim.call("POST", "/message/sendMedia/media-image", {
      number: CUSTOMER,
      mediatype: "image",
      mimetype: "image/png",
      media: png,
      fileName: "catalogo.png",
      caption: "Nosso catálogo",
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      key: { remoteJid: `${CUSTOMER}@s.whatsapp.net`, fromMe: true, id: expect.stringMatching(/^3EB0[0-9A-F]{18}$/) },
      status: "PENDING",
      message: {
        imageMessage: {
          url: expect.stringMatching(/^https:\/\/mmg\.whatsapp\.net\//),
          mimetype: "image/png",
          caption: "Nosso catálogo",
          fileLength: { low: Buffer.from(png, "base64").length, high: 0, unsigned: true },
          height: 3,
          width: 4,
          directPath: expect.any(String),
          mediaKeyTimestamp: expect.objectContaining({ high: 0 }),
        },
      },
      messageType: "imageMessage",
      messageTimestamp: expect.any(Number),
      instanceId: expect.any(String),
      source: "web",
    });
    const sent = await waitFor(() => env.receiver.events("media-image", "send.message").find((hook) => hook.body.data.key.id === res.body.key.id));
    expect(sent.body.data.messageType).toBe("imageMessage");
  });

  test("sends a document with its file name and a voice note as audio", async () => {
    await linked("media-doc");
    const pdf = sampleDocument().toString("base64");
    const doc = await env.sim.call("POST", "/message/sendMedia/media-doc", { number: CUSTOMER, mediatype: "document", media: pdf, fileName: "proposta.pdf" });
    expect(doc.body.message.documentMessage).toMatchObject({ mimetype: "application/pdf", fileName: "proposta.pdf", title: "proposta.pdf" });
    const audio = await env.sim.call("POST", "/message/sendMedia/media-doc", { number: CUSTOMER, mediatype: "audio", mimetype: "audio/ogg", media: `data:audio/ogg;base64,${png}` });
    expect(audio.body).toMatchObject({ messageType: "audioMessage", message: { audioMessage: { mimetype: "audio/ogg", ptt: false } } });
  });

  test("refuses a URL (the simulator is offline) and an unknown media type with Evolution's 400", async () => {
    await linked("media-bad");
    const url = await env.sim.call("POST", "/message/sendMedia/media-bad", { number: CUSTOMER, mediatype: "image", media: "https://example.com/a.png" });
    expect(url.status).toBe(400);
    expect(url.body.response.message[0]).toMatch(/^media: must be base64/);
    const kind = await env.sim.call("POST", "/message/sendMedia/media-bad", { number: CUSTOMER, mediatype: "sticker", media: png });
    expect(kind.status).toBe(400);
  });

  test("refuses to send while the instance is not connected", async () => {
    await env.sim.create("media-closed", env.receiver.url);
    const res = await env.sim.call("POST", "/message/sendMedia/media-closed", { number: CUSTOMER, mediatype: "image", media: png });
    expect(res.status).toBe(400);
    expect(res.body.response.message).toEqual(["Error: Connection Closed"]);
  });
});

describe("POST /message/sendText with quoted", () => {
  test("carries the quote as Evolution lifts it: contextInfo with stanzaId, participant and quotedMessage", async () => {
    await linked("quote-out");
    const question = await env.sim.call("POST", "/__sim/quote-out/inbound", { from: CUSTOMER, text: "Tem em azul?" }, null);
    const res = await env.sim.call("POST", "/message/sendText/quote-out", { number: CUSTOMER, text: "Tem sim!", quoted: { key: { id: question.body.key.id } } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      message: { conversation: "Tem sim!" },
      messageType: "conversation",
      contextInfo: { stanzaId: question.body.key.id, participant: `${CUSTOMER}@s.whatsapp.net`, quotedMessage: { conversation: "Tem em azul?" } },
    });
    const state = await env.sim.call("GET", "/__sim/quote-out/state", undefined, null);
    expect(state.body.chat.at(-1)).toMatchObject({ text: "Tem sim!", quoted: { id: question.body.key.id, text: "Tem em azul?" } });
  });
});

describe("POST /chat/getBase64FromMediaMessage", () => {
  test("answers a customer's file as base64 with its type, name and media type", async () => {
    await linked("fetch-media", false);
    const sent = await env.sim.call("POST", "/__sim/fetch-media/inbound", { from: CUSTOMER, media: { type: "document" }, text: "segue" }, null);
    const res = await env.sim.call("POST", "/chat/getBase64FromMediaMessage/fetch-media", { message: { key: { id: sent.body.key.id } }, convertToMp4: false });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      mediaType: "documentMessage",
      fileName: "orcamento.pdf",
      caption: "segue",
      size: { fileLength: expect.objectContaining({ low: expect.any(Number) }) },
      mimetype: "application/pdf",
      base64: expect.any(String),
      buffer: null,
    });
    expect(Buffer.from(res.body.base64, "base64").subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  test("answers 400 for a message without a file, and 404 for an unknown instance", async () => {
    await linked("fetch-none");
    const text = await env.sim.call("POST", "/__sim/fetch-none/inbound", { from: CUSTOMER, text: "só texto" }, null);
    const res = await env.sim.call("POST", "/chat/getBase64FromMediaMessage/fetch-none", { message: { key: { id: text.body.key.id } } });
    expect(res.status).toBe(400);
    expect((await env.sim.call("POST", "/chat/getBase64FromMediaMessage/nobody", { message: { key: { id: "ABCDEF0123" } } })).status).toBe(404);
  });
});
