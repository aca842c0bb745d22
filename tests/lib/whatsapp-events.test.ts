import { describe, expect, test } from "vitest";
import { bodyOf } from "../../lib/whatsapp/events/content";
import {
  digitsOfJid,
  normalizeEventName,
  parseWhatsAppEvent,
  readEnvelope,
  type ParsedWhatsAppEvent,
} from "../../lib/whatsapp/webhook-events";
import {
  BUSINESS,
  CUSTOMER_JID,
  CUSTOMER_LID_JID,
  INSTANCE_A,
  QR_PNG,
  TS1,
  connectionUpdate,
  envelope,
  messageData,
  qrLimitReached,
  qrcodeUpdated,
  sendMessage,
  upsert,
} from "../fixtures/evolution";

function parse(payload: unknown): ParsedWhatsAppEvent {
  const read = readEnvelope(payload);
  if (!read.ok) throw new Error(`envelope refused: ${read.issues.join("; ")}`);
  return parseWhatsAppEvent(read.envelope);
}

function changeOf(payload: unknown) {
  const parsed = parse(payload);
  if (parsed.status !== "change" || parsed.changes.length !== 1) throw new Error(`expected one change, got ${JSON.stringify(parsed)}`);
  return parsed.changes[0];
}

describe("readEnvelope", () => {
  test("reads the instance and event, and never the mislabeled date_time", () => {
    const read = readEnvelope(upsert());
    expect(read).toMatchObject({ ok: true, envelope: { event: "messages.upsert", instance: INSTANCE_A } });
    expect(JSON.stringify(read)).not.toContain("2031-01-01");
  });

  test.each([
    ["no instance", { event: "messages.upsert", data: {} }],
    ["an empty instance", { event: "messages.upsert", instance: "", data: {} }],
    ["no event", { instance: INSTANCE_A, data: {} }],
    ["a non-object", ["messages.upsert"]],
    ["null", null],
  ])("refuses %s", (_name, payload) => {
    expect(readEnvelope(payload)).toMatchObject({ ok: false });
  });

  test("accepts Evolution's config spelling of event names", () => {
    expect(normalizeEventName("MESSAGES_UPSERT")).toBe("messages.upsert");
    expect(normalizeEventName("qrcode-updated")).toBe("qrcode.updated");
  });
});

describe("messages.upsert", () => {
  test("a customer's text message, timed by messageTimestamp in ms", () => {
    expect(changeOf(upsert({ id: "ABC", text: "Oi", timestamp: TS1, pushName: " Maria " }))).toEqual({
      kind: "message",
      externalId: "ABC",
      fromMe: false,
      waJid: CUSTOMER_JID,
      pushName: "Maria",
      messageKind: "text",
      text: "Oi",
      sentAt: TS1 * 1000,
      delivery: "delivered",
    });
  });

  test("accepts timestamps as digit strings and protobuf Longs", () => {
    expect(changeOf(upsert({ timestamp: String(TS1) }))).toMatchObject({ sentAt: TS1 * 1000 });
    const long = { ...messageData(), messageTimestamp: { low: TS1, high: 0, unsigned: true } };
    expect(changeOf(envelope("messages.upsert", long))).toMatchObject({ sentAt: TS1 * 1000 });
  });

  test("a LID sender is stored under the phone JID from remoteJidAlt, the LID kept as the alternate", () => {
    expect(changeOf(upsert({ lid: true }))).toMatchObject({ waJid: CUSTOMER_JID, waJidAlt: CUSTOMER_LID_JID });
  });

  test("a LID sender with senderPn (Evolution before 2.3.6) resolves to the phone too", () => {
    const data = messageData();
    const key = { remoteJid: CUSTOMER_LID_JID, senderPn: CUSTOMER_JID, fromMe: false, id: "X1" };
    const change = changeOf(envelope("messages.upsert", { ...data, key }));
    expect(change).toMatchObject({ waJid: CUSTOMER_JID, waJidAlt: CUSTOMER_LID_JID });
  });

  test("remoteJid already swapped to the phone (Evolution's own LID fix) stays the phone", () => {
    const key = { remoteJid: CUSTOMER_JID, remoteJidAlt: CUSTOMER_JID, addressingMode: "lid", fromMe: false, id: "X2" };
    expect(changeOf(envelope("messages.upsert", { ...messageData(), key }))).toMatchObject({ waJid: CUSTOMER_JID });
    expect(changeOf(envelope("messages.upsert", { ...messageData(), key }))).not.toHaveProperty("waJidAlt");
  });

  test("a sender known only by its LID keeps the LID", () => {
    const key = { remoteJid: CUSTOMER_LID_JID, fromMe: false, id: "X3", addressingMode: "lid" };
    expect(changeOf(envelope("messages.upsert", { ...messageData(), key }))).toMatchObject({ waJid: CUSTOMER_LID_JID });
  });

  test("extended text (links, replies) is text too", () => {
    const change = changeOf(upsert({ message: { extendedTextMessage: { text: "veja https://x.y" } } }));
    expect(change).toMatchObject({ text: "veja https://x.y" });
  });

  test("a fromMe echo of our send: outbound, delivery from its status, pushName (the business's) dropped", () => {
    const change = changeOf(upsert({ id: "3EB0OURS", fromMe: true, status: "SERVER_ACK" }));
    expect(change).toMatchObject({ kind: "message", externalId: "3EB0OURS", fromMe: true, delivery: "sent" });
    expect(change).not.toHaveProperty("pushName");
    expect(changeOf(upsert({ fromMe: true, status: "DELIVERY_ACK" }))).toMatchObject({ delivery: "delivered" });
    expect(changeOf(upsert({ fromMe: true, status: "READ" }))).toMatchObject({ delivery: "read" });
  });

  test.each([
    ["a group chat", upsert({ remoteJid: "120363000000000000@g.us" }), "group"],
    ["a status broadcast", upsert({ remoteJid: "status@broadcast" }), "broadcast"],
    ["a reaction naming no message", upsert({ message: { reactionMessage: { text: "👍" } } }), "content"],
    ["a revoke naming no message", upsert({ message: { protocolMessage: { type: 0 } } }), "content"],
    ["key distribution", upsert({ message: { senderKeyDistributionMessage: { groupId: "x" } } }), "content"],
    ["an empty message", upsert({ message: null }), "content"],
  ])("ignores %s", (_name, payload, reason) => {
    expect(parse(payload)).toEqual({ status: "ignored", reason });
  });

  test.each([
    ["no key id", { ...messageData(), key: { remoteJid: CUSTOMER_JID, fromMe: false } }],
    ["no messageTimestamp", { ...messageData(), messageTimestamp: undefined }],
    ["a negative timestamp", { ...messageData(), messageTimestamp: -5 }],
    ["fromMe as a string", { ...messageData(), key: { remoteJid: CUSTOMER_JID, fromMe: "false", id: "X" } }],
    ["data as an array", [messageData()]],
  ])("refuses a message with %s", (_name, data) => {
    expect(parse(envelope("messages.upsert", data))).toMatchObject({ status: "invalid" });
  });
});

describe("bodyOf", () => {
  test.each([
    [{ imageMessage: { caption: "catálogo" } }, { kind: "image", text: "catálogo" }],
    [{ imageMessage: {} }, { kind: "image", text: "" }],
    [{ audioMessage: { seconds: 4, ptt: true } }, { kind: "audio", text: "", media: { durationSec: 4, voiceNote: true } }],
    [{ documentWithCaptionMessage: { message: { documentMessage: { caption: "proposta" } } } }, { kind: "document", text: "proposta" }],
    [{ ephemeralMessage: { message: { conversation: "some" } } }, { kind: "text", text: "some" }],
    [{ viewOnceMessageV2: { message: { imageMessage: { mimetype: "image/jpeg" } } } }, { kind: "image", text: "" }],
    [{ pollCreationMessage: { name: "Qual horário?" } }, { kind: "text", text: "Qual horário?" }],
  ])("%j → %j", (message, body) => {
    expect(bodyOf(message)).toMatchObject(body);
  });

  test.each([[{ conversation: "   " }], [{ senderKeyDistributionMessage: {} }], [{ locationMessage: { degreesLatitude: 1 } }]])(
    "%j is no message body",
    (message) => {
      expect(bodyOf(message)).toBeNull();
    },
  );
});

describe("send.message", () => {
  test("is always our own outbound message, delivered to WhatsApp", () => {
    expect(changeOf(sendMessage({ id: "3EB0SENT" }))).toMatchObject({
      kind: "message",
      externalId: "3EB0SENT",
      fromMe: true,
      waJid: CUSTOMER_JID,
      delivery: "sent",
    });
  });
});

describe("connection.update", () => {
  test("open carries the paired number, digits only, from wuid", () => {
    expect(changeOf(connectionUpdate("open", { wuid: `${BUSINESS}:12@s.whatsapp.net` }))).toEqual({
      kind: "connection",
      state: "open",
      phoneNumber: BUSINESS,
      statusReason: 200,
    });
  });

  test("open without wuid falls back to the envelope's sender", () => {
    expect(changeOf(connectionUpdate("open", { sender: `${BUSINESS}@s.whatsapp.net` }))).toMatchObject({ phoneNumber: BUSINESS });
  });

  test("connecting before pairing has no sender and no number", () => {
    expect(changeOf(connectionUpdate("connecting"))).toEqual({ kind: "connection", state: "connecting", statusReason: 200 });
  });

  test("close and refused keep their status reason", () => {
    expect(changeOf(connectionUpdate("close", { statusReason: 401 }))).toMatchObject({ state: "close", statusReason: 401 });
    expect(changeOf(connectionUpdate("refused", { statusReason: 428 }))).toMatchObject({ state: "refused" });
  });

  test("ignores a state it does not know; refuses data without a state", () => {
    expect(parse(connectionUpdate("syncing"))).toEqual({ status: "ignored", reason: "state" });
    expect(parse(envelope("connection.update", { instance: INSTANCE_A }))).toMatchObject({ status: "invalid" });
  });
});

describe("qrcode.updated", () => {
  test("a QR as a data URL", () => {
    expect(changeOf(qrcodeUpdated())).toEqual({ kind: "qr", qrCode: QR_PNG });
  });

  test("a bare base64 PNG is wrapped into a data URL", () => {
    expect(changeOf(qrcodeUpdated("iVBORw0KGgo="))).toEqual({ kind: "qr", qrCode: "data:image/png;base64,iVBORw0KGgo=" });
  });

  test("anything else in base64 is refused (it ends up in an img src)", () => {
    expect(parse(qrcodeUpdated("javascript:alert(1)"))).toMatchObject({ status: "invalid" });
  });

  test("the QR-limit variant", () => {
    expect(changeOf(qrLimitReached())).toEqual({ kind: "qrLimit" });
  });

  test("refuses data that is neither", () => {
    expect(parse(envelope("qrcode.updated", { statusCode: 500 }))).toMatchObject({ status: "invalid" });
  });
});

describe("other events", () => {
  test.each(["presence.update", "instance.create", "chats.upsert", "send.message.update"])("ignores %s", (event) => {
    expect(parse(envelope(event, { anything: true }))).toEqual({ status: "ignored", reason: "event" });
  });
});

describe("digitsOfJid", () => {
  test("drops the server and the device", () => {
    expect(digitsOfJid("5511999990001:7@s.whatsapp.net")).toBe("5511999990001");
    expect(digitsOfJid("5511999990001@s.whatsapp.net")).toBe("5511999990001");
  });
});
