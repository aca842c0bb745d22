import { randomBytes } from "node:crypto";
import { deflateSync, crc32 } from "node:zlib";
import { protoLong } from "./wa";

/** A file one side sent: kept (and persisted) so the other side can fetch it as Evolution serves it. */
export interface StoredMedia {
  id: string;
  mediaType: MediaKind;
  mimetype: string;
  fileName: string | null;
  size: number;
  /** Voice notes and audio files: length in seconds; `ptt` marks a voice note recorded in WhatsApp. */
  seconds?: number;
  ptt?: boolean;
  width?: number;
  height?: number;
  base64: string;
}

export const MEDIA_KINDS = ["image", "audio", "video", "document"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** WhatsApp's own cap for documents is far larger; the simulator keeps files small enough to hold in memory. */
export const MEDIA_MAX_BYTES = 16 * 1024 * 1024;

export function newMediaId(): string {
  return randomBytes(12).toString("hex");
}

/** The `<kind>Message` content Baileys builds for a file (binary keys left out: receivers must not need them). */
export function mediaContent(media: StoredMedia, caption: string | undefined, timestamp: number): Record<string, unknown> {
  const directPath = `/v/t62.7117-24/${media.id}.enc?ccb=11-4`;
  const common = {
    url: `https://mmg.whatsapp.net${directPath}&mms3=true`,
    mimetype: media.mimetype,
    fileLength: protoLong(media.size),
    directPath,
    mediaKeyTimestamp: protoLong(timestamp, false),
  };
  switch (media.mediaType) {
    case "image":
      return { imageMessage: { ...common, caption, height: media.height, width: media.width } };
    case "video":
      return { videoMessage: { ...common, caption, seconds: media.seconds ?? 0 } };
    case "audio":
      return { audioMessage: { ...common, seconds: media.seconds ?? 0, ptt: media.ptt ?? false } };
    case "document":
      return { documentMessage: { ...common, title: media.fileName ?? "document", fileName: media.fileName ?? "document", caption } };
  }
}

/** A mono 8 kHz 16-bit WAV: a soft two-tone chirp, `seconds` long, made here so nothing is downloaded. */
export function sampleVoiceNote(seconds = 2): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write("RIFF", 0, "ascii");
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write("WAVEfmt ", 8, "ascii");
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write("data", 36, "ascii");
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const tone = i < samples / 2 ? 440 : 660;
    const fade = Math.min(1, i / 400, (samples - i) / 400);
    wav.writeInt16LE(Math.round(Math.sin(2 * Math.PI * tone * t) * 8000 * fade), 44 + i * 2);
  }
  return wav;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A small RGB PNG: a diagonal gradient in WhatsApp greens, so a preview visibly shows something. */
export function sampleImage(width = 96, height = 64): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const mix = (x / width + y / height) / 2;
      row[1 + x * 3] = Math.round(18 + 200 * mix);
      row[2 + x * 3] = Math.round(140 + 80 * (1 - mix));
      row[3 + x * 3] = Math.round(126 + 60 * mix);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk("IHDR", header), pngChunk("IDAT", deflateSync(Buffer.concat(rows))), pngChunk("IEND", Buffer.alloc(0))]);
}

/** A one-page PDF with one line of text, built by hand (offsets included) so any viewer opens it. */
export function sampleDocument(line = "Pedido de orcamento - simulador"): Buffer {
  const text = line.replace(/[()\\]/g, "");
  const stream = `BT /F1 18 Tf 40 100 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

/** Width and height from a PNG's or JPEG's header; undefined for anything else. */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1];
    if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return undefined;
}
