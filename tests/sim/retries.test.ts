import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startReceiver, startSimulator, waitFor, type Receiver, type Simulator } from "./helpers";

let sim: Simulator;
const receivers: Receiver[] = [];

beforeAll(async () => {
  sim = await startSimulator({ webhookRetry: { maxAttempts: 4, initialDelayMs: 10, maxDelayMs: 40, timeoutMs: 2000 } });
});

afterAll(async () => {
  await sim.stop();
  await Promise.all(receivers.map((receiver) => receiver.stop()));
});

/** Each test gets its own receiver so the statuses it queues only meet its own deliveries. */
async function connectedWithOwnReceiver(instance: string) {
  const receiver = await startReceiver();
  receivers.push(receiver);
  await sim.connected(instance, receiver.url);
  // Wait out the pairing webhooks so the queued statuses apply to the message under test.
  await waitFor(() => receiver.events(instance, "connection.update").some((hook) => hook.body.data.state === "open"));
  return receiver;
}

async function inbound(instance: string, text: string): Promise<string> {
  const res = await sim.call("POST", `/__sim/${instance}/inbound`, { from: "5511988887777", text }, null);
  return res.body.key.id;
}

async function settledDelivery(instance: string, event: string) {
  return waitFor(async () => {
    const { body } = await sim.call("GET", `/__sim/${instance}/deliveries`, undefined, null);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the delivery log is plain JSON
    return body.deliveries.findLast((delivery: any) => delivery.event === event && delivery.outcome !== "pending");
  });
}

describe("webhook delivery retries", () => {
  test("retries a 500 with backoff until the receiver accepts it", async () => {
    const receiver = await connectedWithOwnReceiver("retry-500");
    receiver.respondWith(500, 500);
    const id = await inbound("retry-500", "Oi");

    const delivery = await settledDelivery("retry-500", "messages.upsert");
    expect(delivery.outcome).toBe("delivered");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- attempts are plain JSON
    expect(delivery.attempts.map((attempt: any) => attempt.status)).toEqual([500, 500, 200]);
    const copies = receiver.events("retry-500", "messages.upsert").filter((hook) => hook.body.data.key.id === id);
    expect(copies).toHaveLength(3);
    // Each attempt is signed afresh but carries the same body.
    expect(new Set(copies.map((hook) => JSON.stringify(hook.body))).size).toBe(1);
  });

  test("does not retry a 400", async () => {
    const receiver = await connectedWithOwnReceiver("no-retry-400");
    receiver.respondWith(400);
    const id = await inbound("no-retry-400", "Oi");

    const delivery = await settledDelivery("no-retry-400", "messages.upsert");
    expect(delivery.outcome).toBe("failed");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- attempts are plain JSON
    expect(delivery.attempts.map((attempt: any) => attempt.status)).toEqual([400]);
    expect(receiver.events("no-retry-400", "messages.upsert").filter((hook) => hook.body.data.key.id === id)).toHaveLength(1);
  });

  test("gives up after the configured attempts when the receiver is unreachable", async () => {
    const gone = await startReceiver();
    await gone.stop();
    await sim.connected("unreachable", gone.url);

    const delivery = await settledDelivery("unreachable", "connection.update");
    expect(delivery.outcome).toBe("failed");
    expect(delivery.attempts).toHaveLength(4);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- attempts are plain JSON
    expect(delivery.attempts.every((attempt: any) => attempt.status === null && typeof attempt.error === "string")).toBe(true);
  });

  test("keeps one instance's deliveries in order even when one of them is retried", async () => {
    const receiver = await connectedWithOwnReceiver("ordered");
    receiver.respondWith(503);
    const ids: string[] = [];
    for (const text of ["um", "dois", "três", "quatro"]) ids.push(await inbound("ordered", text));

    await waitFor(() => receiver.events("ordered", "messages.upsert").length === ids.length + 1);
    const arrival = receiver.events("ordered", "messages.upsert").map((hook) => hook.body.data.key.id);
    expect(arrival).toEqual([ids[0], ...ids]);
  });
});
