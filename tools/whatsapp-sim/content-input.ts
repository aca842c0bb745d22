import type { Content } from "./chat";
import { HttpError } from "./http";
import { imageSize, MEDIA_MAX_BYTES, newMediaId, sampleDocument, sampleImage, sampleVoiceNote, type MediaKind, type StoredMedia } from "./media";

export interface MediaInput {
  type: MediaKind;
  base64?: string;
  mimetype?: string;
  fileName?: string;
  seconds?: number;
  ptt?: boolean;
}

const DEFAULT_MIME: Record<MediaKind, string> = {
  image: "image/jpeg",
  audio: "audio/ogg; codecs=opus",
  video: "video/mp4",
  document: "application/octet-stream",
};

const BY_EXTENSION: Record<string, string> = { pdf: "application/pdf", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", txt: "text/plain" };

/** A sample file when the caller sends none: a 2-second voice note, a picture or a one-page PDF. */
function sample(type: MediaKind): Required<Pick<MediaInput, "base64" | "mimetype">> & Pick<MediaInput, "fileName" | "seconds" | "ptt"> {
  if (type === "audio") return { base64: sampleVoiceNote(2).toString("base64"), mimetype: "audio/wav", seconds: 2, ptt: true };
  if (type === "image") return { base64: sampleImage().toString("base64"), mimetype: "image/png" };
  if (type === "document") return { base64: sampleDocument().toString("base64"), mimetype: "application/pdf", fileName: "orcamento.pdf" };
  throw new HttpError(400, "There is no sample video: send one as base64", false);
}

/** A WAV's length from its header (byte rate and data size); undefined for anything else. */
function wavSeconds(bytes: Buffer): number | undefined {
  if (bytes.length < 44 || bytes.toString("ascii", 0, 4) !== "RIFF" || bytes.toString("ascii", 8, 12) !== "WAVE") return undefined;
  const byteRate = bytes.readUInt32LE(28);
  return byteRate > 0 ? Math.max(1, Math.round(bytes.readUInt32LE(40) / byteRate)) : undefined;
}

/** A file as the simulator keeps it, checked against the size cap (413, as a real server would refuse it). */
export function storedMedia(input: MediaInput, evolution = true): StoredMedia {
  const given = input.base64 === undefined ? sample(input.type) : { base64: input.base64 };
  const bytes = Buffer.from(given.base64, "base64");
  if (bytes.length === 0) throw new HttpError(400, ["media: the file is empty"], evolution);
  if (bytes.length > MEDIA_MAX_BYTES) throw new HttpError(413, [`media: the file is larger than ${MEDIA_MAX_BYTES / 1024 / 1024} MiB`], evolution);
  const fileName = input.fileName ?? ("fileName" in given ? given.fileName : undefined) ?? null;
  const extension = fileName?.split(".").pop()?.toLowerCase() ?? "";
  const mimetype = input.mimetype ?? ("mimetype" in given ? given.mimetype : undefined) ?? BY_EXTENSION[extension] ?? DEFAULT_MIME[input.type];
  const media: StoredMedia = { id: newMediaId(), mediaType: input.type, mimetype, fileName, size: bytes.length, base64: bytes.toString("base64") };
  if (input.type === "image") Object.assign(media, imageSize(bytes));
  if (input.type === "audio" || input.type === "video") {
    media.seconds = input.seconds ?? ("seconds" in given ? given.seconds : undefined) ?? wavSeconds(bytes) ?? 1;
  }
  if (input.type === "audio") media.ptt = input.ptt ?? ("ptt" in given ? given.ptt : undefined) ?? false;
  return media;
}

/** What a customer's message carries, from the inbound route's body. */
export function inboundContent(body: { text?: string; media?: MediaInput; location?: Extract<Content, { kind: "location" }>["location"] }): Content {
  if (body.media) return { kind: "media", media: storedMedia(body.media, false), caption: body.text };
  if (body.location) return { kind: "location", location: body.location };
  return { kind: "text", text: body.text ?? "" };
}
