import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startReceiver, startSimulator, waitFor, type Receiver, type Simulator } from "./helpers";

let fast: Simulator;
let steady: Simulator;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  // fast: hits the QR limit within a few hundred ms; steady: keeps refreshing without refusing.
  fast = await startSimulator({ qrRefreshMs: 40, qrLimit: 3 });
  steady = await startSimulator({ qrRefreshMs: 40, qrLimit: 1000 });
});

afterAll(async () => {
  await fast.stop();
  await steady.stop();
  await receiver.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- webhook bodies are plain JSON
const qrImages = (instance: string) => receiver.events(instance, "qrcode.updated").filter((hook: any) => hook.body.data.qrcode);

describe("QR code pairing", () => {
  test("replaces the QR code after the refresh interval and announces each one", async () => {
    const created = await steady.create("qr-refresh", receiver.url);
    const first = created.body.qrcode.code;
    const newer = await waitFor(async () => {
      const { body } = await steady.call("GET", "/instance/connect/qr-refresh");
      return body.code !== first && body;
    });
    expect(newer.count).toBeGreaterThan(1);
    expect(newer.base64).toMatch(/^data:image\/png;base64,/);
    expect(newer.base64).not.toBe(created.body.qrcode.base64);

    await waitFor(() => qrImages("qr-refresh").length >= 2);
    const codes = qrImages("qr-refresh").map((hook) => hook.body.data.qrcode.code);
    expect(codes[0]).toBe(first);
    expect(new Set(codes).size).toBe(codes.length);
    await steady.call("DELETE", "/instance/delete/qr-refresh");
  });

  test("refuses the pairing at the QR limit and leaves the instance closed", async () => {
    await fast.create("qr-limit", receiver.url);
    const refused = await waitFor(() => receiver.events("qr-limit", "connection.update").find((hook) => hook.body.data.state === "refused"));
    expect(refused.body.data).toEqual({
      instance: "qr-limit",
      state: "refused",
      statusReason: 428,
      profileName: expect.any(String),
      profilePictureUrl: null,
    });
    const limit = receiver.events("qr-limit", "qrcode.updated").find((hook) => !hook.body.data.qrcode);
    expect(limit?.body.data).toEqual({ message: "QR code limit reached, please login again", statusCode: 500 });
    expect(qrImages("qr-limit")).toHaveLength(3);
    expect((await fast.call("GET", "/instance/connectionState/qr-limit")).body.instance.state).toBe("close");

    const retry = await fast.call("GET", "/instance/connect/qr-limit");
    expect(retry.body).toMatchObject({ count: 1, code: expect.any(String) });
  });

  test("refuses a scan of a QR code that has already been replaced", async () => {
    const created = await steady.create("qr-expired", receiver.url);
    await waitFor(() => qrImages("qr-expired").length >= 2);
    const res = await steady.call("POST", "/__sim/qr-expired/scan", { code: created.body.qrcode.code }, null);
    expect(res).toEqual({ status: 409, body: { error: "This QR code has expired; scan the current one" } });
    await steady.call("DELETE", "/instance/delete/qr-expired");
  });

  test("refuses a scan when no QR code is showing", async () => {
    await steady.create("qr-none", receiver.url, "k", { qrcode: false });
    const res = await steady.call("POST", "/__sim/qr-none/scan", {}, null);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/not showing a QR code/);
  });

  test("scanning assigns the number asked for and keeps it across re-pairing", async () => {
    await steady.create("qr-number", receiver.url);
    const scanned = await steady.call("POST", "/__sim/qr-number/scan", { number: "+55 21 98765-4321" }, null);
    expect(scanned.body).toEqual({ state: "open", number: "5521987654321", wuid: "5521987654321@s.whatsapp.net" });
    await steady.call("DELETE", "/instance/logout/qr-number");
    await steady.call("GET", "/instance/connect/qr-number");
    expect((await steady.call("POST", "/__sim/qr-number/scan", {}, null)).body.number).toBe("5521987654321");
  });
});

describe("phone page", () => {
  async function page(path: string, accept = "text/html") {
    const response = await fetch(`${steady.url}${path}`, { headers: { accept } });
    return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
  }

  test("serves an offline phone page labelled as a development tool", async () => {
    await steady.create("phone-page", receiver.url, "k", { qrcode: false });
    const res = await page("/phone/phone-page");
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.text).toContain("WhatsApp simulator (development)");
    expect(res.text).toContain('data-instance="phone-page"');
    expect(res.text).toContain('<label for="compose-text">');
    expect(res.text).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/);
  });

  test("lists instances on the index page with links to their phones", async () => {
    const res = await page("/");
    expect(res.text).toContain('href="/phone/phone-page"');
    const json = await page("/", "application/json");
    expect(JSON.parse(json.text)).toMatchObject({ status: 200, message: "Welcome to the Evolution API, it is working!" });
  });

  test("answers 404 for the phone of an unknown instance", async () => {
    expect((await page("/phone/nobody")).status).toBe(404);
  });

  test("streams the phone state as server-sent events", async () => {
    await steady.create("phone-events", receiver.url, "k", { qrcode: false });
    const controller = new AbortController();
    const response = await fetch(`${steady.url}/__sim/phone-events/events`, { signal: controller.signal });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const reader = response.body!.getReader();
    let text = "";
    while (!text.includes("event: state")) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const data = JSON.parse(text.slice(text.indexOf("data: ") + 6).split("\n")[0]);
    expect(data).toMatchObject({ instanceName: "phone-events", state: "close", qr: null, chat: [] });
  });
});
