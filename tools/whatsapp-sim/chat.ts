import type { Instance } from "./instances";
import {
  deviceOf,
  digitsOf,
  inboundMessageId,
  jidFor,
  LID_SUFFIX,
  lidFor,
  outboundMessageId,
  PHONE_SUFFIX,
  unixSeconds,
  type MessageRaw,
} from "./wa";

/** Someone chatting with the business; `number` (digits) identifies the thread, `lid` the privacy alias. */
export interface Customer {
  number: string;
  name: string;
  lid: string | null;
}

/** One line of a thread as the phone page shows it. */
export interface ChatEntry {
  id: string;
  customer: string;
  direction: "in" | "out";
  text: string;
  timestamp: number;
}

export interface InboundInput {
  from: string;
  text: string;
  pushName?: string;
  /** true: a LID derived from the number; a string: that LID; false: a plain phone-number sender. */
  lid?: boolean | string;
  id?: string;
  timestamp?: number;
}

function upsertCustomer(instance: Instance, input: InboundInput): Customer {
  const number = digitsOf(input.from);
  const known = instance.customers.get(number);
  let lid = known?.lid ?? null;
  if (input.lid === true) lid = lid ?? lidFor(number);
  else if (typeof input.lid === "string") lid = digitsOf(input.lid);
  else if (input.lid === false) lid = null;
  const customer: Customer = { number, name: input.pushName ?? known?.name ?? number, lid };
  instance.customers.set(number, customer);
  return customer;
}

/** `messages.upsert` data for a customer's message; LID senders carry the phone JID in `remoteJidAlt`. */
export function receivedMessage(instance: Instance, input: InboundInput): { raw: MessageRaw; entry: ChatEntry } {
  const customer = upsertCustomer(instance, input);
  const id = input.id ?? inboundMessageId();
  const phoneJid = `${customer.number}${PHONE_SUFFIX}`;
  const key: MessageRaw["key"] = customer.lid
    ? {
        remoteJid: `${customer.lid}${LID_SUFFIX}`,
        remoteJidAlt: phoneJid,
        fromMe: false,
        id,
        participant: "",
        addressingMode: "lid",
      }
    : { remoteJid: phoneJid, fromMe: false, id };
  const timestamp = input.timestamp ?? unixSeconds();
  const raw: MessageRaw = {
    key,
    pushName: customer.name,
    status: "DELIVERY_ACK",
    message: { conversation: input.text },
    messageType: "conversation",
    messageTimestamp: timestamp,
    instanceId: instance.instanceId,
    source: deviceOf(id),
  };
  return { raw, entry: { id, customer: customer.number, direction: "in", text: input.text, timestamp } };
}

/** Which thread an outbound JID belongs to: LID JIDs map back to the customer that owns the LID. */
function customerFor(instance: Instance, remoteJid: string): Customer {
  const [user, server] = remoteJid.split("@");
  if (`@${server}` === LID_SUFFIX) {
    const owner = [...instance.customers.values()].find((customer) => customer.lid === user);
    if (owner) return owner;
  }
  const number = digitsOf(user);
  const customer = instance.customers.get(number) ?? { number, name: number, lid: null };
  instance.customers.set(number, customer);
  return customer;
}

/** sendText's answer and `send.message` data: Evolution's prepared message, still PENDING. */
export function sentMessage(instance: Instance, number: string, text: string): { raw: MessageRaw; entry: ChatEntry } {
  const remoteJid = jidFor(number);
  const customer = customerFor(instance, remoteJid);
  const id = outboundMessageId();
  const timestamp = unixSeconds();
  const raw: MessageRaw = {
    key: { remoteJid, fromMe: true, id },
    status: "PENDING",
    message: { conversation: text },
    messageType: "conversation",
    messageTimestamp: timestamp,
    instanceId: instance.instanceId,
    source: deviceOf(id),
  };
  return { raw, entry: { id, customer: customer.number, direction: "out", text, timestamp } };
}
