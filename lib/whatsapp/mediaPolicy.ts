import type { MessageKind, OutboundMediaType } from "./types";

/**
 * Which files SpinDesk keeps and sends. Pure: shared by the download action, the upload check and
 * the composer (which refuses early, before uploading).
 */

/** WhatsApp's own limit for media other than documents is 16 MB; we hold every file to it. */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;

/** Office documents customers and teams actually exchange, besides PDF and plain text. */
const DOCUMENT_TYPES = new Set([
  "application/pdf",
  "text/plain",
  "text/csv",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "application/vnd.oasis.opendocument.spreadsheet",
]);

/** "audio/ogg; codecs=opus" → "audio/ogg". */
export function baseMimeType(mimeType: string): string {
  return mimeType.split(";")[0].trim().toLowerCase();
}

/** Whether a file of this type may be stored as a message of this kind. */
export function isAllowedMedia(kind: MessageKind, mimeType: string): boolean {
  const mime = baseMimeType(mimeType);
  switch (kind) {
    case "image":
      return mime.startsWith("image/");
    case "sticker":
      return mime === "image/webp" || mime === "image/png";
    case "video":
      return mime.startsWith("video/");
    case "audio":
      return mime.startsWith("audio/");
    case "document":
      // WhatsApp lets a person send any file "as a document", photos and recordings included.
      return DOCUMENT_TYPES.has(mime) || /^(image|video|audio)\//.test(mime);
    default:
      return false;
  }
}

/** How a file we send goes out (Evolution's `mediatype`); null for a type we refuse. */
export function outboundMediaTypeOf(mimeType: string): OutboundMediaType | null {
  const mime = baseMimeType(mimeType);
  if (mime.startsWith("image/") && mime !== "image/svg+xml") return "image";
  if (mime.startsWith("video/")) return "video";
  if (mime.startsWith("audio/")) return "audio";
  if (DOCUMENT_TYPES.has(mime)) return "document";
  return null;
}

/** Why a file is refused, or null when it is fine to keep or send. */
export function mediaRefusal(kind: MessageKind, mimeType: string | null, size: number): "type" | "size" | null {
  if (mimeType === null || !isAllowedMedia(kind, mimeType)) return "type";
  if (size > MAX_MEDIA_BYTES) return "size";
  return null;
}

/** Bytes of a base64 string (standard alphabet, padding allowed). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64.replace(/\s/g, ""));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Base64 of bytes, in chunks so a 16 MiB file does not blow the argument limit of fromCharCode. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}
