import { describe, expect, test } from "vitest";
import { decideBurst, defaultKnowledge, mediaTurn, wordsOf, type ChatTurn, type IncomingMessage } from "../../lib/spin";

const voiceNote: IncomingMessage = { text: "", kind: "audio" };
const bareImage: IncomingMessage = { text: "", kind: "image" };
const asksForText = { handOffAudio: false };

const turn = (incoming: IncomingMessage[], history: ChatTurn[] = [], policy = asksForText, language: "pt" | "en" = "pt") =>
  mediaTurn({ incoming, history, language, team: false }, policy);

describe("a burst without words", () => {
  test("a first voice note gets one short message that the bot cannot listen, asking for text", () => {
    const decision = turn([voiceNote]);
    expect(decision).toEqual({ reply: expect.stringContaining("não consigo ouvir áudios"), handoff: false, unread: "audio" });
    expect(decision?.reply).toMatch(/texto\?$/);
  });

  test("a customer who keeps sending voice notes is handed to a person", () => {
    const history: ChatTurn[] = [{ author: "customer", text: "", kind: "audio" }, { author: "bot", text: "Ainda não consigo ouvir áudios por aqui." }];
    expect(turn([voiceNote], history)).toEqual({ reply: expect.stringContaining("ouvir seu áudio"), handoff: true, unread: "audio" });
  });

  test("an agent set to hand voice notes over does so at the first one", () => {
    expect(turn([voiceNote], [], { handOffAudio: true })).toMatchObject({ handoff: true });
  });

  test("a photo without a caption is not read as text: the bot asks what it is about, then hands a second one over", () => {
    expect(turn([bareImage])).toMatchObject({ handoff: false, unread: "visual", reply: expect.stringContaining("em texto") });
    expect(turn([bareImage], [{ author: "customer", text: "", kind: "document" }])).toMatchObject({ handoff: true });
  });

  test("a voice note in a burst with a photo counts as audio", () => {
    expect(turn([bareImage, voiceNote])?.unread).toBe("audio");
  });

  test("a sticker, a location or a contact card alone gets no answer", () => {
    for (const kind of ["sticker", "location", "contact"] as const) {
      expect(turn([{ text: "", kind }])).toEqual({ reply: null, handoff: false, unread: "other" });
    }
  });

  test("answers in English when the conversation is in English", () => {
    expect(turn([voiceNote], [], asksForText, "en")?.reply).toBe("I can't listen to voice messages here yet. Could you type it for me?");
  });

  test("a captioned voice note in history does not count as one the bot could not read", () => {
    const history: ChatTurn[] = [{ author: "customer", text: "ouve isso", kind: "audio" }];
    expect(turn([voiceNote], history)?.handoff).toBe(false);
  });
});

describe("a burst with words", () => {
  test("is left to the rules, which read only its words (a caption counts)", () => {
    const burst: IncomingMessage[] = [voiceNote, { text: "quanto custa?", kind: "image" }, { text: "oi" }];
    expect(turn(burst)).toBeNull();
    expect(wordsOf(burst)).toEqual(["quanto custa?", "oi"]);
  });

  test("an empty burst needs no media answer", () => {
    expect(turn([])).toBeNull();
  });
});

describe("deciding a burst of any kind", () => {
  const knowledge = defaultKnowledge("pt");
  const base = { history: [] as ChatTurn[], stage: "situation" as const, handedOff: false, optedOut: false, knowledge };

  test("a voice note alone gets the request for text and keeps the stage", async () => {
    const decision = await decideBurst({ ...base, incoming: [voiceNote] }, asksForText);
    expect(decision).toMatchObject({ reply: expect.stringContaining("áudio"), handoff: false, stage: "situation", questionStage: null, source: "rules" });
  });

  test("the words of a mixed burst are answered as if the file were not there", async () => {
    const mixed = await decideBurst({ ...base, incoming: [voiceNote, { text: "hoje uso planilha e perco muito tempo" }] }, asksForText);
    const wordsOnly = await decideBurst({ ...base, incoming: [{ text: "hoje uso planilha e perco muito tempo" }] }, asksForText);
    expect(mixed).toEqual(wordsOnly);
    expect(mixed.stage).toBe("problem");
  });

  test("stays silent on a voice note after a handoff or an opt-out", async () => {
    expect((await decideBurst({ ...base, handedOff: true, incoming: [voiceNote] }, asksForText)).reply).toBeNull();
    expect((await decideBurst({ ...base, optedOut: true, incoming: [voiceNote] }, asksForText)).reply).toBeNull();
  });

  test("a voice note in an English conversation is answered in English", async () => {
    const history: ChatTurn[] = [{ author: "customer", text: "Hi, I run a small bakery and we take orders on WhatsApp" }];
    const decision = await decideBurst({ ...base, history, incoming: [voiceNote] }, asksForText);
    expect(decision.reply).toBe("I can't listen to voice messages here yet. Could you type it for me?");
  });
});
