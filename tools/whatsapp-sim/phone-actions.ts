import { customerKey, type ChatEntry } from "./chat";
import { HttpError } from "./http";
import type { Instance } from "./instances";
import { ackRank, digitsOf, inboundMessageId, protoLong, type AckStatus } from "./wa";

interface PhoneActionsOptions {
  emit: (instance: Instance, event: string, data: object) => void;
  changed: (instance: Instance) => void;
  deliveryAckMs: number;
}

/**
 * What the customer's phone does beyond writing: react to, edit and delete messages, and acknowledge
 * the business's messages (delivered, read, played), each reported in Evolution v2's webhook shape.
 */
export class PhoneActions {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: PhoneActionsOptions) {}

  /** A message of this customer's thread, or 404. */
  entryX(instance: Instance, id: string, customer: string): ChatEntry {
    const entry = instance.chat.find((candidate) => candidate.id === id && candidate.customer === customer);
    if (!entry) throw new HttpError(404, `No message "${id}" in the chat with ${customer}`, false);
    return entry;
  }

  /** The server ack at once, the delivery ack a moment later (the phone was online). */
  acknowledgeSent(instance: Instance, entry: ChatEntry): void {
    this.ack(instance, entry, "SERVER_ACK");
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.ack(instance, entry, "DELIVERY_ACK");
    }, this.options.deliveryAckMs);
    timer.unref();
    this.timers.add(timer);
  }

  /** The customer opened the chat: every business message in it not yet read becomes READ. */
  read(instance: Instance, from: string): number {
    const customer = digitsOf(from);
    let count = 0;
    for (const entry of instance.chat) {
      if (entry.customer !== customer || entry.direction !== "out" || ackRank(entry.status ?? "PENDING") >= ackRank("READ")) continue;
      this.ack(instance, entry, "READ");
      count++;
    }
    return count;
  }

  /** The customer played a voice note the business sent. */
  played(instance: Instance, from: string, id: string): void {
    const entry = this.entryX(instance, id, digitsOf(from));
    if (entry.direction !== "out" || entry.kind !== "audio") throw new HttpError(409, "Only the business's audio messages can be played", false);
    this.ack(instance, entry, "PLAYED");
  }

  /** messages.upsert with a reactionMessage naming the business's message; an empty emoji takes it back. */
  react(instance: Instance, input: { from: string; targetId: string; emoji: string }): object {
    const entry = this.entryX(instance, input.targetId, digitsOf(input.from));
    if (entry.direction !== "out") throw new HttpError(409, "The customer reacts to the business's messages", false);
    const customer = instance.customers.get(entry.customer)!;
    const now = Date.now();
    const raw = this.upsertFrom(instance, entry, {
      message: {
        reactionMessage: { key: { remoteJid: entry.remoteJid ?? customerKey(customer, entry.id).remoteJid, fromMe: true, id: entry.id }, text: input.emoji, senderTimestampMs: protoLong(now, false) },
      },
      messageType: "reactionMessage",
    });
    entry.reaction = input.emoji;
    this.options.emit(instance, "messages.upsert", raw);
    this.options.changed(instance);
    return raw;
  }

  /** Evolution sends the protocolMessage of an edit as `messages.edited` (the upsert itself is not forwarded). */
  edit(instance: Instance, input: { from: string; targetId: string; text: string }): object {
    const entry = this.ownEntryX(instance, input.from, input.targetId);
    if (entry.kind !== "text") throw new HttpError(409, "Only text messages can be edited", false);
    const data = this.protocolMessage(instance, entry, "MESSAGE_EDIT", { editedMessage: { conversation: input.text } });
    entry.text = input.text;
    entry.editedAt = Math.floor(Date.now() / 1000);
    this.options.emit(instance, "messages.edited", data);
    this.options.changed(instance);
    return data;
  }

  /** Deleted for everyone: the REVOKE protocolMessage (`messages.edited`), then `messages.delete` with the key. */
  revoke(instance: Instance, input: { from: string; targetId: string }): object {
    const entry = this.ownEntryX(instance, input.from, input.targetId);
    const data = this.protocolMessage(instance, entry, "REVOKE", {});
    entry.deletedAt = Math.floor(Date.now() / 1000);
    this.options.emit(instance, "messages.edited", data);
    this.options.emit(instance, "messages.delete", (data as { key: object }).key);
    this.options.changed(instance);
    return data;
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private ownEntryX(instance: Instance, from: string, id: string): ChatEntry {
    const entry = this.entryX(instance, id, digitsOf(from));
    if (entry.direction !== "in") throw new HttpError(409, "The customer can only change their own messages", false);
    if (entry.deletedAt !== undefined) throw new HttpError(409, "This message was deleted", false);
    return entry;
  }

  private protocolMessage(instance: Instance, entry: ChatEntry, type: "REVOKE" | "MESSAGE_EDIT", extra: object): object {
    const customer = instance.customers.get(entry.customer)!;
    const { remoteJid, fromMe, id } = customerKey(customer, entry.id);
    return { key: { remoteJid, fromMe, id }, type, ...extra, timestampMs: String(Date.now()) };
  }

  private upsertFrom(instance: Instance, entry: ChatEntry, content: { message: object; messageType: string }): object {
    const customer = instance.customers.get(entry.customer)!;
    const id = inboundMessageId();
    return {
      key: customerKey(customer, id),
      pushName: customer.name,
      status: "DELIVERY_ACK",
      ...content,
      messageTimestamp: Math.floor(Date.now() / 1000),
      instanceId: instance.instanceId,
      source: "android",
    };
  }

  /** A receipt moves a message forward only, as WhatsApp's do; each one is a `messages.update`. */
  private ack(instance: Instance, entry: ChatEntry, status: AckStatus): void {
    if (ackRank(status) <= ackRank(entry.status ?? "PENDING")) return;
    entry.status = status;
    this.options.emit(instance, "messages.update", {
      keyId: entry.id,
      remoteJid: entry.remoteJid,
      fromMe: true,
      status,
      instanceId: instance.instanceId,
    });
    this.options.changed(instance);
  }
}
