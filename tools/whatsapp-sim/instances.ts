import { randomUUID } from "node:crypto";
import QRCode from "qrcode";
import { HttpError } from "./http";
import { receivedMessage, sentMessage, type Content, type Customer, type ChatEntry, type InboundInput } from "./chat";
import type { StoredMedia } from "./media";
import { PhoneActions } from "./phone-actions";
import type { WebhookConfig } from "./webhooks";
import { digitsOf, pairingCode, pairingQrText, PHONE_SUFFIX, type MessageRaw } from "./wa";

export type ConnectionState = "open" | "connecting" | "close";

export interface Instance {
  instanceName: string;
  instanceId: string;
  hash: string;
  integration: "WHATSAPP-BAILEYS";
  state: ConnectionState;
  qr: { code: string; base64: string; pairingCode: string | null } | null;
  qrCount: number;
  /** Bumped on every state change so a QR rendered for an old pairing attempt is dropped. */
  session: number;
  pairingNumber: string | null;
  number: string | null;
  profileName: string;
  webhook: WebhookConfig | null;
  customers: Map<string, Customer>;
  chat: ChatEntry[];
  outbox: MessageRaw[];
  /** Files either side sent, by media id (dropped with the chat entry that carried them). */
  media: Map<string, StoredMedia>;
  createdAt: string;
  timer: NodeJS.Timeout | null;
}

export interface InstancesOptions {
  qrRefreshMs: number;
  qrLimit: number;
  echoFromMe: boolean;
  /** How long after the server ack the customer's phone reports the business's message delivered. */
  deliveryAckMs: number;
  emit: (instance: Instance, event: string, data: object) => void;
  changed: (instance: Instance) => void;
}

const HISTORY_LIMIT = 500;
// Baileys' DisconnectReason values Evolution reports: badSession, connectionClosed, loggedOut.
const BAD_SESSION = 500;
const CONNECTION_CLOSED = 428;
const LOGGED_OUT = 401;

function keepLast<T>(list: T[], item: T): T[] {
  list.push(item);
  return list.length > HISTORY_LIMIT ? list.splice(0, list.length - HISTORY_LIMIT) : [];
}

/** Adds a chat line (and its file); the oldest lines past the limit leave with their files. */
export function keepEntry(instance: Instance, entry: ChatEntry, media?: StoredMedia): void {
  if (media) instance.media.set(media.id, media);
  for (const dropped of keepLast(instance.chat, entry)) if (dropped.media) instance.media.delete(dropped.media.id);
}

export class Instances {
  private readonly byName = new Map<string, Instance>();
  private assignedNumbers = 0;
  /** Reactions, edits, deletes and the receipts of the customer's phone. */
  readonly phone: PhoneActions;

  constructor(private readonly options: InstancesOptions) {
    this.phone = new PhoneActions({ emit: options.emit, changed: options.changed, deliveryAckMs: options.deliveryAckMs });
  }

  get(instanceName: string): Instance | undefined {
    return this.byName.get(instanceName);
  }

  /** Evolution's instanceExistsGuard, message included. */
  getX(instanceName: string): Instance {
    const instance = this.byName.get(instanceName);
    if (!instance) throw new HttpError(404, [`The "${instanceName}" instance does not exist`]);
    return instance;
  }

  list(): Instance[] {
    return [...this.byName.values()];
  }

  create(input: { instanceName: string; webhook: WebhookConfig | null; token?: string; number?: string }): Instance {
    if (this.byName.has(input.instanceName)) {
      throw new HttpError(403, [`This name "${input.instanceName}" is already in use.`]);
    }
    const instance: Instance = {
      instanceName: input.instanceName,
      instanceId: randomUUID(),
      hash: input.token ?? randomUUID().toUpperCase(),
      integration: "WHATSAPP-BAILEYS",
      state: "close",
      qr: null,
      qrCount: 0,
      session: 0,
      pairingNumber: input.number ? digitsOf(input.number) : null,
      number: null,
      profileName: `Simulated ${input.instanceName}`,
      webhook: input.webhook,
      customers: new Map(),
      chat: [],
      outbox: [],
      media: new Map(),
      createdAt: new Date().toISOString(),
      timer: null,
    };
    this.byName.set(instance.instanceName, instance);
    this.options.emit(instance, "instance.create", { instanceName: instance.instanceName, instanceId: instance.instanceId });
    this.options.changed(instance);
    return instance;
  }

  /** What Baileys does on connect: report "connecting", show a QR at once, then a new one every refresh. */
  async startPairing(instance: Instance): Promise<void> {
    this.reset(instance, "connecting");
    this.options.emit(instance, "connection.update", { instance: instance.instanceName, state: "connecting", statusReason: 200 });
    await this.nextQr(instance);
  }

  scan(instance: Instance, input: { code?: string; number?: string }): void {
    if (instance.state !== "connecting" || !instance.qr) {
      throw new HttpError(409, `The "${instance.instanceName}" instance is not showing a QR code (state: ${instance.state})`, false);
    }
    if (input.code !== undefined && input.code !== instance.qr.code) {
      throw new HttpError(409, "This QR code has expired; scan the current one", false);
    }
    instance.number = input.number ? digitsOf(input.number) : (instance.number ?? this.nextNumber());
    this.reset(instance, "open");
    this.options.emit(instance, "connection.update", {
      instance: instance.instanceName,
      wuid: `${instance.number}${PHONE_SUFFIX}`,
      profileName: instance.profileName,
      profilePictureUrl: null,
      state: "open",
      statusReason: 200,
    });
  }

  logout(instance: Instance): void {
    if (instance.state === "close") throw new HttpError(400, [`The "${instance.instanceName}" instance is not connected`]);
    this.reset(instance, "close");
    this.options.emit(instance, "connection.update", { instance: instance.instanceName, state: "close", statusReason: LOGGED_OUT });
  }

  /** Evolution logs a connected or pairing instance out before deleting it. */
  remove(instance: Instance): void {
    if (instance.state !== "close") this.logout(instance);
    this.options.emit(instance, "instance.delete", { instanceName: instance.instanceName, instanceId: instance.instanceId });
    this.reset(instance, "close");
    this.byName.delete(instance.instanceName);
    this.options.changed(instance);
  }

  /** A customer's phone sends the business a message (text, a file or a location, perhaps quoting one). */
  receive(instance: Instance, input: InboundInput): MessageRaw {
    this.requireOpen(instance);
    const quoted = input.quotedId === undefined ? undefined : this.phone.entryX(instance, input.quotedId, digitsOf(input.from));
    const { raw, entry } = receivedMessage(instance, input, quoted);
    if (!instance.chat.some((known) => known.id === entry.id && known.direction === "in")) {
      keepEntry(instance, entry, input.content.kind === "media" ? input.content.media : undefined);
    }
    this.options.emit(instance, "messages.upsert", raw);
    this.options.changed(instance);
    return raw;
  }

  /** The business sends through /message/sendText or /message/sendMedia; the phone acknowledges it as WhatsApp does. */
  send(instance: Instance, number: string, content: Content, quotedId?: string): MessageRaw {
    if (instance.state !== "open") throw new HttpError(400, ["Error: Connection Closed"]);
    const { raw, entry } = sentMessage(instance, number, content, quotedId);
    keepEntry(instance, entry, content.kind === "media" ? content.media : undefined);
    keepLast(instance.outbox, raw);
    this.options.emit(instance, "send.message", raw);
    if (this.options.echoFromMe) {
      this.options.emit(instance, "messages.upsert", { ...raw, pushName: instance.profileName, status: "SERVER_ACK" });
    }
    this.phone.acknowledgeSent(instance, entry);
    this.options.changed(instance);
    return raw;
  }

  /** Instances as they were before a restart: a connected number is still connected, pairings start over. */
  restore(instance: Instance): void {
    if (instance.state !== "open") instance.state = "close";
    this.byName.set(instance.instanceName, instance);
    // A delivery ack that was due when the simulator stopped still arrives.
    if (instance.state === "open") {
      for (const entry of instance.chat) if (entry.direction === "out" && (entry.status === "PENDING" || entry.status === "SERVER_ACK")) this.phone.acknowledgeSent(instance, entry);
    }
    const assigned = /^551199999(\d{4})$/.exec(instance.number ?? "");
    if (assigned) this.assignedNumbers = Math.max(this.assignedNumbers, Number(assigned[1]));
  }

  stop(): void {
    for (const instance of this.byName.values()) this.clearTimer(instance);
    this.phone.stop();
  }

  private requireOpen(instance: Instance): void {
    if (instance.state !== "open") {
      throw new HttpError(409, `The "${instance.instanceName}" instance is not connected (state: ${instance.state})`, false);
    }
  }

  private async nextQr(instance: Instance): Promise<void> {
    if (instance.state !== "connecting") return;
    if (instance.qrCount === this.options.qrLimit) return this.refuse(instance);
    const session = instance.session;
    instance.qrCount++;
    const code = pairingQrText();
    const base64 = await QRCode.toDataURL(code, {
      margin: 3,
      scale: 4,
      errorCorrectionLevel: "H",
      color: { light: "#ffffff", dark: "#175197" },
    });
    if (instance.session !== session || instance.state !== "connecting") return;
    const pairing = instance.pairingNumber ? pairingCode() : null;
    instance.qr = { code, base64, pairingCode: pairing };
    this.options.emit(instance, "qrcode.updated", {
      qrcode: { instance: instance.instanceName, pairingCode: pairing, code, base64 },
    });
    this.options.changed(instance);
    // Timed from the moment a QR is shown, so a slow render never overlaps the next one.
    instance.timer = setTimeout(() => void this.nextQr(instance).catch(() => undefined), this.options.qrRefreshMs);
    instance.timer.unref();
  }

  /** Evolution at QRCODE_LIMIT: a "limit reached" qrcode.updated, a "refused" connection.update, then closed. */
  private refuse(instance: Instance): void {
    this.options.emit(instance, "qrcode.updated", {
      message: "QR code limit reached, please login again",
      statusCode: BAD_SESSION,
    });
    this.options.emit(instance, "connection.update", {
      instance: instance.instanceName,
      state: "refused",
      statusReason: CONNECTION_CLOSED,
      wuid: instance.number ? `${instance.number}${PHONE_SUFFIX}` : undefined,
      profileName: instance.profileName,
      profilePictureUrl: null,
    });
    this.reset(instance, "close");
  }

  private reset(instance: Instance, state: ConnectionState): void {
    this.clearTimer(instance);
    instance.session++;
    instance.state = state;
    instance.qr = null;
    instance.qrCount = 0;
    this.options.changed(instance);
  }

  private clearTimer(instance: Instance): void {
    if (instance.timer) clearTimeout(instance.timer);
    instance.timer = null;
  }

  private nextNumber(): string {
    this.assignedNumbers++;
    return `551199999${String(this.assignedNumbers).padStart(4, "0")}`;
  }
}
