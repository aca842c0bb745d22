import { describe, expect, test } from "vitest";
import { botReplies, botSetup, sessions, settle, withBotTestClock } from "../fixtures/bot";
import { stubEvolution } from "../fixtures/conversations";
import { deliverWhatsApp, upsert } from "../fixtures/evolution";
import type { TestConvex } from "./setup";

/**
 * Issue "WhatsApp as customers use it" — the bot and media: a voice note or a photo without a caption
 * is not text. The bot says once that it cannot listen (or see) and asks for text; a customer who keeps
 * sending them is handed to a person; an agent can hand voice notes over at once.
 */

withBotTestClock();

let sent = 0;
async function customerSends(t: TestConvex, message: Record<string, unknown>) {
  sent += 1;
  const response = await deliverWhatsApp(t, upsert({ id: `MEDIA-${sent}`, message, timestamp: Math.floor(Date.now() / 1000) }));
  expect(response.status).toBe(200);
  await settle(t);
}

const voiceNote = { audioMessage: { ptt: true, seconds: 7, mimetype: "audio/ogg; codecs=opus", fileLength: "10240" } };
const bareImage = { imageMessage: { mimetype: "image/jpeg", fileLength: "20480" } };
// The gateway is also asked for the files (getBase64FromMediaMessage): only the texts sent count here.
const sentTexts = (calls: { url: string; body: unknown }[]) =>
  calls.filter((call) => call.url.includes("/message/sendText/")).map((call) => (call.body as { text: string }).text);

describe("the bot and voice notes", () => {
  test("a first voice note gets one message that the bot cannot listen to audio, asking the customer to write", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSends(t, voiceNote);
    expect(sentTexts(calls)).toEqual(["Ainda não consigo ouvir áudios por aqui. Pode me escrever em texto?"]);
    const [session] = await sessions(t);
    expect(session.waitingSince).toBeUndefined();
    expect(session.stage).toBe("situation");
  });

  test("a customer who keeps sending voice notes is flagged for a person and the bot goes quiet", async () => {
    const { t } = await botSetup();
    const { calls } = stubEvolution();
    await customerSends(t, voiceNote);
    await customerSends(t, voiceNote);
    await customerSends(t, voiceNote);
    expect(sentTexts(calls)).toHaveLength(2);
    expect(sentTexts(calls)[1]).toContain("ouvir seu áudio");
    const [session] = await sessions(t);
    expect(session.waitingSince).toEqual(expect.any(Number));
    expect(session.botPaused).toBe(true);
  });

  test("an agent set to hand voice notes over puts the first one in the waiting queue", async () => {
    const { t } = await botSetup({ voiceNoteHandoff: true });
    stubEvolution();
    await customerSends(t, voiceNote);
    const [session] = await sessions(t);
    expect(session.waitingSince).toEqual(expect.any(Number));
  });

  test("a photo without a caption is not answered as text", async () => {
    const { t } = await botSetup();
    stubEvolution();
    await customerSends(t, bareImage);
    const [reply] = await botReplies(t);
    expect(reply.text).toContain("não consigo abrir imagens");
  });

  test("a photo with a caption is answered from its caption", async () => {
    const { t } = await botSetup();
    stubEvolution();
    await customerSends(t, { imageMessage: { ...bareImage.imageMessage, caption: "hoje uso planilha e perco muito tempo" } });
    const [session] = await sessions(t);
    expect(session.stage).toBe("problem");
    expect(await botReplies(t)).toHaveLength(1);
  });
});

