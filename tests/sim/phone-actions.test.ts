import { describe, expect, test } from "vitest";
import { sampleVoiceNote } from "../../tools/whatsapp-sim/media";
import { setUpSimulatorWithReceiver, waitFor } from "./helpers";

const env = setUpSimulatorWithReceiver();
const CUSTOMER = "5511988887777";
const CUSTOMER_JID = `${CUSTOMER}@s.whatsapp.net`;

/** A connected instance subscribed to every event (as SpinDesk's agents are), files inline when `base64`. */
async function linked(instance: string, base64 = true) {
  await env.sim.connected(instance, env.receiver.url);
  await env.sim.call("POST", `/webhook/set/${instance}`, { webhook: { enabled: true, url: env.receiver.url, base64, headers: { jwt_key: "k" } } });
}

const phone = (instance: string, action: string, body: object) => env.sim.call("POST", `/__sim/${instance}/${action}`, body, null);
const upsertOf = (instance: string, id: string) =>
  waitFor(() => env.receiver.events(instance, "messages.upsert").find((hook) => hook.body.data.key.id === id));
const updatesOf = (instance: string, id: string) => env.receiver.events(instance, "messages.update").filter((hook) => hook.body.data.keyId === id);

describe("the customer's phone sends", () => {
  test("a voice note: audioMessage with ptt, seconds, mimetype, and the file inline when the webhook asks for base64", async () => {
    await linked("voice");
    const sent = await phone("voice", "inbound", { from: CUSTOMER, media: { type: "audio" } });
    expect(sent.status).toBe(201);
    const hook = await upsertOf("voice", sent.body.key.id);
    expect(hook.body.data).toMatchObject({
      key: { remoteJid: CUSTOMER_JID, fromMe: false, id: sent.body.key.id },
      status: "DELIVERY_ACK",
      messageType: "audioMessage",
      message: {
        audioMessage: { mimetype: "audio/wav", seconds: 2, ptt: true, fileLength: { low: sampleVoiceNote(2).length, high: 0, unsigned: true } },
        base64: sampleVoiceNote(2).toString("base64"),
      },
    });
    expect(hook.headers.authorization).toMatch(/^Bearer /);
  });

  test("an image with caption, and no base64 when the webhook does not ask for it", async () => {
    await linked("photo", false);
    const sent = await phone("photo", "inbound", { from: CUSTOMER, media: { type: "image" }, text: "essa é a planilha" });
    const hook = await upsertOf("photo", sent.body.key.id);
    expect(hook.body.data.messageType).toBe("imageMessage");
    expect(hook.body.data.message.imageMessage).toMatchObject({ mimetype: "image/png", caption: "essa é a planilha", width: 96, height: 64 });
    expect(hook.body.data.message).not.toHaveProperty("base64");
  });

  test("a document the customer picked, with its name and type", async () => {
    await linked("doc");
    const base64 = Buffer.from("nota fiscal").toString("base64");
    const sent = await phone("doc", "inbound", { from: CUSTOMER, media: { type: "document", base64, fileName: "nota.txt" } });
    const hook = await upsertOf("doc", sent.body.key.id);
    expect(hook.body.data.message).toMatchObject({ documentMessage: { fileName: "nota.txt", title: "nota.txt", mimetype: "text/plain" }, base64 });
  });

  test("a location", async () => {
    await linked("where");
    const sent = await phone("where", "inbound", { from: CUSTOMER, location: { latitude: -23.5614, longitude: -46.6559, name: "Av. Paulista" } });
    const hook = await upsertOf("where", sent.body.key.id);
    expect(hook.body.data).toMatchObject({
      messageType: "locationMessage",
      message: { locationMessage: { degreesLatitude: -23.5614, degreesLongitude: -46.6559, name: "Av. Paulista" } },
    });
  });

  test("a quoted reply to the business's message: contextInfo with stanzaId and quotedMessage", async () => {
    await linked("reply");
    const offer = await env.sim.call("POST", "/message/sendText/reply", { number: CUSTOMER, text: "Fechamos por R$ 99?" });
    const sent = await phone("reply", "inbound", { from: CUSTOMER, text: "Fechado!", quotedId: offer.body.key.id });
    const hook = await upsertOf("reply", sent.body.key.id);
    expect(hook.body.data).toMatchObject({
      message: { conversation: "Fechado!" },
      messageType: "conversation",
      contextInfo: { stanzaId: offer.body.key.id, participant: expect.stringMatching(/@s\.whatsapp\.net$/), quotedMessage: { conversation: "Fechamos por R$ 99?" } },
    });
    expect((await phone("reply", "inbound", { from: CUSTOMER, text: "?", quotedId: "NOSUCHMESSAGE1" })).status).toBe(404);
  });

  test("a reaction to the business's message: reactionMessage naming its key, and an empty one takes it back", async () => {
    await linked("react");
    const offer = await env.sim.call("POST", "/message/sendText/react", { number: CUSTOMER, text: "Chegou o pedido" });
    const reacted = await phone("react", "react", { from: CUSTOMER, targetId: offer.body.key.id, emoji: "👍" });
    expect(reacted.status).toBe(201);
    const hook = await upsertOf("react", reacted.body.key.id);
    expect(hook.body.data).toMatchObject({
      key: { remoteJid: CUSTOMER_JID, fromMe: false },
      messageType: "reactionMessage",
      message: { reactionMessage: { key: { remoteJid: CUSTOMER_JID, fromMe: true, id: offer.body.key.id }, text: "👍", senderTimestampMs: expect.objectContaining({ low: expect.any(Number) }) } },
    });
    const removed = await phone("react", "react", { from: CUSTOMER, targetId: offer.body.key.id, emoji: "" });
    expect((await upsertOf("react", removed.body.key.id)).body.data.message.reactionMessage.text).toBe("");
  });

  test("an edit of its own message: messages.edited with the MESSAGE_EDIT protocolMessage", async () => {
    await linked("edit");
    const sent = await phone("edit", "inbound", { from: CUSTOMER, text: "Quero 2 unidads" });
    await phone("edit", "edit", { from: CUSTOMER, targetId: sent.body.key.id, text: "Quero 2 unidades" });
    const hook = await waitFor(() => env.receiver.events("edit", "messages.edited")[0]);
    expect(hook.body.data).toEqual({
      key: { remoteJid: CUSTOMER_JID, fromMe: false, id: sent.body.key.id },
      type: "MESSAGE_EDIT",
      editedMessage: { conversation: "Quero 2 unidades" },
      timestampMs: expect.stringMatching(/^\d{13}$/),
    });
    const state = await env.sim.call("GET", "/__sim/edit/state", undefined, null);
    expect(state.body.chat[0]).toMatchObject({ text: "Quero 2 unidades", editedAt: expect.any(Number) });
  });

  test("a delete for everyone: the REVOKE protocolMessage, then messages.delete with the key", async () => {
    await linked("revoke");
    const sent = await phone("revoke", "inbound", { from: CUSTOMER, text: "mensagem errada" });
    await phone("revoke", "revoke", { from: CUSTOMER, targetId: sent.body.key.id });
    const edited = await waitFor(() => env.receiver.events("revoke", "messages.edited")[0]);
    expect(edited.body.data).toMatchObject({ key: { id: sent.body.key.id }, type: "REVOKE" });
    const deleted = await waitFor(() => env.receiver.events("revoke", "messages.delete")[0]);
    expect(deleted.body.data).toEqual({ remoteJid: CUSTOMER_JID, fromMe: false, id: sent.body.key.id });
    // Gone once: it cannot be edited or deleted again.
    expect((await phone("revoke", "edit", { from: CUSTOMER, targetId: sent.body.key.id, text: "x" })).status).toBe(409);
  });

  test("cannot edit or delete the business's messages", async () => {
    await linked("not-mine");
    const offer = await env.sim.call("POST", "/message/sendText/not-mine", { number: CUSTOMER, text: "Oi" });
    expect((await phone("not-mine", "revoke", { from: CUSTOMER, targetId: offer.body.key.id })).status).toBe(409);
  });
});

describe("the business's messages on the customer's phone", () => {
  test("are acknowledged by the server at once and delivered shortly after, as messages.update", async () => {
    await linked("acks");
    const sent = await env.sim.call("POST", "/message/sendText/acks", { number: CUSTOMER, text: "Olá!" });
    await waitFor(() => updatesOf("acks", sent.body.key.id).length === 2);
    expect(updatesOf("acks", sent.body.key.id).map((hook) => hook.body.data)).toEqual([
      { keyId: sent.body.key.id, remoteJid: CUSTOMER_JID, fromMe: true, status: "SERVER_ACK", instanceId: expect.any(String) },
      { keyId: sent.body.key.id, remoteJid: CUSTOMER_JID, fromMe: true, status: "DELIVERY_ACK", instanceId: expect.any(String) },
    ]);
  });

  test("turn READ when the customer opens the chat, once, and a voice note turns PLAYED when played", async () => {
    await linked("read");
    const text = await env.sim.call("POST", "/message/sendText/read", { number: CUSTOMER, text: "Segue o áudio" });
    const voice = await env.sim.call("POST", "/message/sendMedia/read", { number: CUSTOMER, mediatype: "audio", media: sampleVoiceNote(1).toString("base64") });
    expect((await phone("read", "read", { from: CUSTOMER })).body).toEqual({ read: 2 });
    expect((await phone("read", "read", { from: CUSTOMER })).body).toEqual({ read: 0 });
    await phone("read", "played", { from: CUSTOMER, id: voice.body.key.id });

    await waitFor(() => updatesOf("read", voice.body.key.id).some((hook) => hook.body.data.status === "PLAYED"));
    expect(updatesOf("read", text.body.key.id).map((hook) => hook.body.data.status)).toEqual(["SERVER_ACK", "READ"]);
    expect(updatesOf("read", voice.body.key.id).map((hook) => hook.body.data.status)).toEqual(["SERVER_ACK", "READ", "PLAYED"]);
    // The late delivery ack never moves a read message back.
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(updatesOf("read", text.body.key.id).map((hook) => hook.body.data.status)).toEqual(["SERVER_ACK", "READ"]);
    expect((await phone("read", "played", { from: CUSTOMER, id: text.body.key.id })).status).toBe(409);
  });
});
