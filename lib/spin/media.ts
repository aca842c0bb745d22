import { decideReply, type DecideOptions, type ReplyDecision } from "./engine";
import { closedReply } from "./opening";
import { speaksForTeam } from "./reading";
import { PHRASEBOOKS, pick } from "./replies";
import { decideTurn, type TurnInput } from "./turn";
import type { ChatTurn, Language, MessageKind } from "./types";

/**
 * What the bot does with a burst that has no words in it: a voice note, a photo without a caption,
 * a sticker. The rules engine reads words; treating a file as text would answer something the
 * customer never said. So the bot says once that it cannot listen to audio (or see images) and asks
 * for text; when the customer keeps sending them, a person takes over. A burst with any words in it
 * (a caption counts) is answered from those words by the usual rules.
 */

export interface IncomingMessage {
  text: string;
  /** Absent: a text message. */
  kind?: MessageKind;
}

export type MediaTurn = {
  reply: string | null;
  /** A person must take over (the customer keeps sending what the bot cannot read, or the agent says so). */
  handoff: boolean;
  /** What the bot could not read, for the record. */
  unread: "audio" | "visual" | "other";
};

export type MediaPolicy = {
  /** The agent hands every voice note to a person at once instead of asking for text. */
  handOffAudio: boolean;
};

const AUDIO_KINDS: ReadonlySet<MessageKind> = new Set(["audio"]);
const VISUAL_KINDS: ReadonlySet<MessageKind> = new Set(["image", "video", "document"]);

function hasWords(message: { text: string }): boolean {
  return message.text.trim() !== "";
}

/** The burst's words, in order: what the rules answer. */
export function wordsOf(incoming: IncomingMessage[]): string[] {
  return incoming.filter(hasWords).map((message) => message.text);
}

function unreadKind(incoming: IncomingMessage[]): MediaTurn["unread"] {
  if (incoming.some((message) => message.kind !== undefined && AUDIO_KINDS.has(message.kind))) return "audio";
  if (incoming.some((message) => message.kind !== undefined && VISUAL_KINDS.has(message.kind))) return "visual";
  return "other";
}

/** An earlier customer message of the same sort the bot could not read: it already asked for text once. */
function askedBefore(history: ChatTurn[], unread: "audio" | "visual"): boolean {
  const kinds = unread === "audio" ? AUDIO_KINDS : VISUAL_KINDS;
  return history.some((turn) => turn.author === "customer" && turn.kind !== undefined && kinds.has(turn.kind) && !hasWords(turn));
}

/**
 * The bot's answer to a burst without words; null when the burst has words (the rules answer them).
 * Stickers, locations and contact cards alone need no answer: the bot stays quiet.
 */
export function mediaTurn(
  input: { incoming: IncomingMessage[]; history: ChatTurn[]; language: Language; team: boolean },
  policy: MediaPolicy,
): MediaTurn | null {
  if (input.incoming.length === 0 || input.incoming.some(hasWords)) return null;
  const unread = unreadKind(input.incoming);
  if (unread === "other") return { reply: null, handoff: false, unread };
  const book = PHRASEBOOKS[input.language];
  const handoff = (unread === "audio" && policy.handOffAudio) || askedBefore(input.history, unread);
  if (handoff) return { reply: pick(unread === "audio" ? book.audioHandoff : book.visualHandoff, input.team), handoff: true, unread };
  return { reply: pick(unread === "audio" ? book.audioNotice : book.visualNotice, input.team), handoff: false, unread };
}

/**
 * The next reply to a burst of WhatsApp messages of any kind: the rules (or the model) answer its
 * words; a burst with none gets `mediaTurn`'s answer. Silence after a handoff or an opt-out holds
 * for files as for words.
 */
export async function decideBurst(
  input: Omit<TurnInput, "incoming"> & { incoming: IncomingMessage[] },
  policy: MediaPolicy,
  options: DecideOptions = {},
): Promise<ReplyDecision> {
  const words = wordsOf(input.incoming);
  const asWords: TurnInput = { ...input, incoming: words };
  const customerTexts = [...input.history.filter((turn) => turn.author === "customer").map((turn) => turn.text), ...words];
  const decided = await decideWordsOrMedia(input, asWords, policy, options);
  return outsideHours(decided, input, speaksForTeam(customerTexts));
}

async function decideWordsOrMedia(
  input: Omit<TurnInput, "incoming"> & { incoming: IncomingMessage[] },
  asWords: TurnInput,
  policy: MediaPolicy,
  options: DecideOptions,
): Promise<ReplyDecision> {
  if (asWords.incoming.length > 0 || input.handedOff || input.optedOut) return decideReply(asWords, options);
  const silent = decideTurn(asWords);
  const customerTexts = input.history.filter((turn) => turn.author === "customer").map((turn) => turn.text);
  const media = mediaTurn({ incoming: input.incoming, history: input.history, language: silent.language, team: speaksForTeam(customerTexts) }, policy);
  if (media === null) return { ...silent, source: "rules" };
  return { ...silent, reply: media.reply, handoff: media.handoff, source: "rules" };
}

/** Outside business hours the reply says so (see closedReply); an opt-out's confirmation stays as it is. */
function outsideHours(decision: ReplyDecision, input: Pick<TurnInput, "opening" | "knowledge">, team: boolean): ReplyDecision {
  const closed = input.opening?.closed;
  if (!closed || decision.reply === null || decision.optOut) return { ...decision, closedNotice: false };
  const knowledge = input.knowledge;
  return { ...decision, ...closedReply(decision.reply, { handoff: decision.handoff, language: decision.language, team, knowledge }, closed) };
}
