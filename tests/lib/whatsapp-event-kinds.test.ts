import { describe, expect, test } from "vitest";
import { firstVcardPhone } from "../../lib/whatsapp/events/content";
import { parseWhatsAppEvent, readEnvelope, type WhatsAppChange } from "../../lib/whatsapp/webhook-events";
import { CUSTOMER_JID, CUSTOMER_LID_JID, TS1, evolutionFixture, evolutionFixtureWith, type EvolutionFixture } from "../fixtures/evolution";

/** Every message kind and update event, from real-shaped Evolution v2 deliveries (tests/fixtures/evolution). */

function changesOf(payload: unknown): WhatsAppChange[] {
  const read = readEnvelope(payload);
  if (!read.ok) throw new Error(`envelope refused: ${read.issues.join("; ")}`);
  const parsed = parseWhatsAppEvent(read.envelope);
  if (parsed.status !== "change") throw new Error(`expected changes, got ${JSON.stringify(parsed)}`);
  return parsed.changes;
}

const changeOf = (name: EvolutionFixture) => {
  const changes = changesOf(evolutionFixture(name));
  expect(changes).toHaveLength(1);
  return changes[0];
};

describe("messages.upsert, one kind each", () => {
  test("a text", () => {
    expect(changeOf("upsert-text")).toEqual({
      kind: "message",
      externalId: "3A0000000000000000A1",
      fromMe: false,
      waJid: CUSTOMER_JID,
      pushName: "Maria Silva",
      messageKind: "text",
      text: "Olá, quero saber o preço",
      sentAt: TS1 * 1000,
      delivery: "delivered",
    });
  });

  test("a photo with a caption: the caption is the text, the file's facts from its Long size, and the inlined file", () => {
    expect(changeOf("upsert-image")).toMatchObject({
      messageKind: "image",
      text: "essa é a planilha",
      media: { mimeType: "image/jpeg", size: 183211 },
      base64: "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAP8=",
    });
  });

  test("a video: size from a digit string, duration in seconds", () => {
    expect(changeOf("upsert-video")).toMatchObject({
      messageKind: "video",
      text: "olha como ficou",
      media: { mimeType: "video/mp4", size: 2481516, durationSec: 14 },
    });
  });

  test("a voice note has no words: empty text, never a placeholder, marked as a voice note", () => {
    const change = changeOf("upsert-audio-voice-note");
    expect(change).toMatchObject({
      messageKind: "audio",
      text: "",
      media: { mimeType: "audio/ogg", size: 9182, durationSec: 7, voiceNote: true },
    });
    expect(change).not.toHaveProperty("base64");
  });

  test("an audio file sent as a file is not a voice note", () => {
    expect(changeOf("upsert-audio-file")).toMatchObject({ messageKind: "audio", media: { voiceNote: false, durationSec: 31 } });
  });

  test("a document keeps its file name", () => {
    expect(changeOf("upsert-document")).toMatchObject({
      messageKind: "document",
      text: "",
      media: { mimeType: "application/pdf", size: 52311, fileName: "proposta-comercial.pdf" },
    });
  });

  test("a captioned document (documentWithCaptionMessage) is a document with its caption", () => {
    expect(changeOf("upsert-document-with-caption")).toMatchObject({
      messageKind: "document",
      text: "segue a planilha",
      media: { fileName: "planilha.xlsx", size: 20480 },
    });
  });

  test("a sticker", () => {
    expect(changeOf("upsert-sticker")).toMatchObject({ messageKind: "sticker", text: "", media: { mimeType: "image/webp", size: 22144 } });
  });

  test("a location: coordinates, name and address", () => {
    expect(changeOf("upsert-location")).toMatchObject({
      messageKind: "location",
      text: "",
      location: { latitude: -23.561414, longitude: -46.655881, name: "Avenida Paulista, 1578", address: "Bela Vista, São Paulo - SP" },
    });
  });

  test("a contact card: its name and the first phone of its vCard", () => {
    expect(changeOf("upsert-contact")).toMatchObject({
      messageKind: "contact",
      text: "",
      sharedContact: { name: "João Pereira", phone: "5521987654321" },
    });
  });

  test("a reply carries the quoted message's id and words", () => {
    expect(changeOf("upsert-text-quoted-reply")).toMatchObject({
      messageKind: "text",
      text: "Sim, esse mesmo",
      quoted: { externalId: "3EB0OURQUESTION", text: "Você quer o plano anual?", kind: "text" },
    });
  });

  test("a reply quoting a caption-less photo names its kind", () => {
    const payload = evolutionFixtureWith("upsert-text-quoted-reply", (data) => {
      data.contextInfo = { stanzaId: "3A0PHOTO", quotedMessage: { imageMessage: { mimetype: "image/jpeg" } } };
    });
    expect(changesOf(payload)[0]).toMatchObject({ quoted: { externalId: "3A0PHOTO", kind: "image" } });
  });

  test("a quote left inside the content (other senders) is read too", () => {
    const payload = evolutionFixtureWith("upsert-text", (data) => {
      data.message = { extendedTextMessage: { text: "isso", contextInfo: { stanzaId: "3A0Q", quotedMessage: { conversation: "qual?" } } } };
      data.contextInfo = null;
    });
    expect(changesOf(payload)[0]).toMatchObject({ text: "isso", quoted: { externalId: "3A0Q", text: "qual?" } });
  });

  test("a LID sender resolves to the phone JID, the LID kept as the alternate", () => {
    expect(changeOf("upsert-lid-sender")).toMatchObject({ waJid: CUSTOMER_JID, waJidAlt: CUSTOMER_LID_JID });
  });

  test("a protobuf Long timestamp", () => {
    expect(changeOf("upsert-long-timestamp")).toMatchObject({ sentAt: TS1 * 1000 });
  });
});

describe("actions on earlier messages, sent as messages.upsert", () => {
  test("a reaction names its target and the reactor, timed by its Long senderTimestampMs", () => {
    expect(changeOf("upsert-reaction")).toEqual({ kind: "reaction", target: "3EB0OURQUESTION", emoji: "❤️", fromMe: false, at: TS1 * 1000 + 250 });
  });

  test("an empty reaction removes it", () => {
    expect(changeOf("upsert-reaction-removed")).toMatchObject({ kind: "reaction", emoji: "", at: TS1 * 1000 + 9000 });
  });

  test("an edit (editedMessage → protocolMessage MESSAGE_EDIT) carries the new text", () => {
    expect(changeOf("upsert-edit")).toEqual({
      kind: "edit",
      target: "3A0000000000000000A1",
      text: "Olá, quero saber o preço do plano anual",
      at: TS1 * 1000 + 30_000,
    });
  });

  test("a revoke (protocolMessage REVOKE) deletes for everyone", () => {
    expect(changeOf("upsert-revoke")).toEqual({ kind: "delete", target: "3A0000000000000000A1", at: (TS1 + 40) * 1000 });
  });
});

describe("send.message", () => {
  test("our own send, as Evolution reports it", () => {
    expect(changeOf("send-message")).toMatchObject({ kind: "message", externalId: "3EB0OURQUESTION", fromMe: true, delivery: "sent" });
    expect(changeOf("send-message")).not.toHaveProperty("pushName");
  });
});

describe("messages.update", () => {
  test("a single status object", () => {
    expect(changeOf("update-status-read")).toEqual({ kind: "status", target: "3EB0OURQUESTION", fromMe: true, delivery: "read" });
  });

  test("an array with numeric statuses and Baileys' own { key, update } shape", () => {
    expect(changesOf(evolutionFixture("update-status-array"))).toEqual([
      { kind: "status", target: "3EB0OURQUESTION", fromMe: true, delivery: "sent" },
      { kind: "status", target: "3EB0OURQUESTION", fromMe: true, delivery: "delivered" },
      { kind: "status", target: "3EB0OURVOICE", fromMe: true, delivery: "played" },
    ]);
  });

  test.each([
    ["ERROR", "failed"],
    ["PENDING", "pending"],
    ["SERVER_ACK", "sent"],
    ["DELIVERY_ACK", "delivered"],
    ["READ", "read"],
    ["PLAYED", "played"],
    [0, "failed"],
    [4, "read"],
  ])("status %s is %s", (status, delivery) => {
    const payload = evolutionFixtureWith("update-status-read", (data) => {
      data.status = status;
    });
    expect(changesOf(payload)[0]).toMatchObject({ delivery });
  });

  test("a DELETED status is a delete", () => {
    const payload = evolutionFixtureWith("update-status-read", (data) => {
      data.status = "DELETED";
    });
    expect(changesOf(payload)).toEqual([{ kind: "delete", target: "3EB0OURQUESTION" }]);
  });

  test("an update without a message id is refused", () => {
    const payload = evolutionFixtureWith("update-status-read", (data) => {
      delete data.keyId;
    });
    const read = readEnvelope(payload);
    expect(read.ok && parseWhatsAppEvent(read.envelope)).toMatchObject({ status: "invalid" });
  });
});

describe("messages.edited and messages.delete", () => {
  test("Evolution's edited protocol message (type 14, Long timestampMs)", () => {
    expect(changeOf("edited")).toEqual({
      kind: "edit",
      target: "3A0000000000000000A1",
      text: "Olá, quero saber o preço do plano anual",
      at: TS1 * 1000 + 30_000,
    });
  });

  test("a REVOKE sent as messages.edited is a delete", () => {
    expect(changeOf("edited-revoke")).toEqual({ kind: "delete", target: "3A0000000000000000A1" });
  });

  test("messages.delete names the deleted message by its key, bare or wrapped", () => {
    expect(changeOf("delete")).toEqual({ kind: "delete", target: "3A0000000000000000A1" });
    const wrapped = evolutionFixtureWith("delete", (data) => {
      data.key = { remoteJid: CUSTOMER_JID, fromMe: true, id: "3EB0MINE" };
      delete data.id;
    });
    expect(changesOf(wrapped)).toEqual([{ kind: "delete", target: "3EB0MINE" }]);
  });
});

describe("contacts.upsert", () => {
  test("Evolution's array: a name and picture; digits standing in for a name are no name", () => {
    expect(changesOf(evolutionFixture("contacts-upsert-array"))).toEqual([
      {
        kind: "contact",
        waJid: CUSTOMER_JID,
        whatsappName: "Maria Silva",
        profilePictureUrl: "https://pps.whatsapp.net/v/t61.24694-24/123_n.jpg?oh=x&oe=y",
      },
      { kind: "contact", waJid: "5521900001111@s.whatsapp.net" },
    ]);
  });

  test("a single Baileys contact carrying its LID and phone number links both", () => {
    expect(changeOf("contacts-upsert-single")).toEqual({
      kind: "contact",
      waJid: CUSTOMER_JID,
      waJidAlt: CUSTOMER_LID_JID,
      whatsappName: "Maria S.",
      profilePictureUrl: "https://pps.whatsapp.net/v/t61.24694-24/456_n.jpg",
    });
  });

  test("contacts.update reads the same way; group entries are skipped", () => {
    const payload = { ...evolutionFixture("contacts-upsert-array"), event: "contacts.update" };
    (payload.data as unknown[]).push({ remoteJid: "120363000000000000@g.us", pushName: "Grupo" });
    expect(changesOf(payload)).toHaveLength(2);
  });

  test("a picture that is not an http(s) URL is dropped", () => {
    const payload = evolutionFixtureWith("contacts-upsert-single", (data) => {
      data.imgUrl = "javascript:alert(1)";
    });
    expect(changesOf(payload)[0]).not.toHaveProperty("profilePictureUrl");
  });
});

describe("firstVcardPhone", () => {
  test("prefers the waid, else the TEL digits", () => {
    expect(firstVcardPhone("BEGIN:VCARD\nTEL;type=CELL:+55 (11) 91234-5678\nEND:VCARD")).toBe("5511912345678");
    expect(firstVcardPhone("BEGIN:VCARD\nFN:X\nEND:VCARD")).toBeUndefined();
  });
});
