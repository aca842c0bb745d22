import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { evolutionJwt } from "../fixtures/evolution";
import { stripedPng, tinyPdf, toneWav } from "../fixtures/media-files";
import { newPage, signIn, snap, startChat, startE2E, type E2E } from "./harness";

/**
 * WhatsApp media as customers send it: a voice note and a photo with a caption arrive through
 * signed Evolution v2 webhooks carrying the file inline (`message.base64`, the webhook_base64
 * option); the thread shows a playable audio player and the photo. The team answers with a PDF
 * picked in the composer, and a reply typed on the linked phone turns to blue ticks when the
 * customer's `messages.update` READ arrives. Screenshots at 390 and 1280 px, in English and pt-BR.
 */

const ORG = "/org/org_demo_acme";
const AGENT_NAME = "Vendas Mídia";
const CUSTOMER = { name: "Joana Cliente", number: "5511955554444" };
const CUSTOMER_JID = `${CUSTOMER.number}@s.whatsapp.net`;
const CAPTION = "essa é a planilha que usamos hoje";
const PHONE_REPLY = { id: "3EB0PHONEREPLY0000001", text: "Recebi, já te mando a proposta" };

let e2e: E2E;
let admin: Page;
let adminContext: BrowserContext;
let instanceName = "";
let webhookSecret = "";
let messageSeq = 0;

beforeAll(async () => {
  e2e = await startE2E();
  ({ context: adminContext, page: admin } = await newPage(e2e));
});

afterAll(async () => {
  await e2e?.stop();
});

/** Delivers one Evolution event to the app's webhook, signed with the agent's secret like Evolution does. */
async function deliver(event: string, data: unknown) {
  const body = JSON.stringify({
    event,
    instance: instanceName,
    data,
    destination: `${e2e.stack.convexSiteUrl}/webhooks/whatsapp`,
    date_time: new Date().toISOString(),
    server_url: e2e.stack.whatsappUrl,
    apikey: "INSTANCE-HASH",
  });
  const response = await fetch(`${e2e.stack.convexSiteUrl}/webhooks/whatsapp`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await evolutionJwt(webhookSecret)}` },
    body,
  });
  expect(response.status).toBeLessThan(300);
}

/** `messages.upsert` from the customer, shaped as Evolution v2 sends a received media message. */
function customerMessage(messageType: string, content: Record<string, unknown>, base64: string, fromMe = false, id?: string) {
  messageSeq += 1;
  return {
    key: { remoteJid: CUSTOMER_JID, fromMe, id: id ?? `3A${String(messageSeq).padStart(18, "0")}` },
    pushName: CUSTOMER.name,
    status: "DELIVERY_ACK",
    message: { [messageType]: content, ...(base64 ? { base64 } : {}) },
    messageType,
    messageTimestamp: Math.floor(Date.now() / 1000),
    instanceId: "7d6c1a2e-0000-4000-8000-000000000001",
    source: "android",
  };
}

const thread = () => admin.getByRole("log");

/** The journey on the simulator's phone page: what a customer really does on WhatsApp. */
const PHONE_CUSTOMER = { name: "Carlos Telefone", number: "5511944443333" };
const PHONE_CAPTION = "foto do balcão da loja";
let phone: Page;

describe("voice notes, photos and documents in the thread", () => {
  test("an admin connects an agent on the simulator's phone", async () => {
    await signIn(admin, "Adam Admin");
    await admin.goto(`${ORG}/agents`);
    await admin.getByRole("button", { name: "New agent" }).click();
    await admin.getByLabel("Name").fill(AGENT_NAME);
    await admin.getByRole("button", { name: "Create agent" }).click();
    webhookSecret = (await admin.locator("code.select-all").first().innerText()).trim();
    expect(webhookSecret).not.toBe("");
    await admin.getByRole("link", { name: "Open the agent to connect it" }).click();
    await admin.getByRole("img", { name: `QR code to connect ${AGENT_NAME} to WhatsApp` }).waitFor();
    instanceName = (await admin.locator("dd code").first().innerText()).trim();
    const phone = await adminContext.newPage();
    await phone.goto(`${e2e.stack.whatsappUrl}/phone/${encodeURIComponent(instanceName)}`);
    await phone.getByRole("button", { name: "Scan with phone" }).click();
    await admin.getByText(/^Connected to \+55/).waitFor();
    await phone.close();
  });

  test("a voice note and a photo with caption arrive; the thread plays the audio and shows the photo", async () => {
    const wav = toneWav(1);
    await deliver(
      "messages.upsert",
      customerMessage("audioMessage", { mimetype: "audio/wav", seconds: 1, ptt: true, fileLength: String(wav.length) }, wav.toString("base64")),
    );
    const png = stripedPng();
    await deliver(
      "messages.upsert",
      customerMessage(
        "imageMessage",
        { mimetype: "image/png", caption: CAPTION, width: 64, height: 48, fileLength: String(png.length) },
        png.toString("base64"),
      ),
    );
    await admin.getByRole("link", { name: "Conversations", exact: true }).click();
    await admin.getByRole("link", { name: new RegExp(CUSTOMER.name) }).click();

    const audio = thread().locator("audio");
    await audio.waitFor();
    await thread().getByText("Voice message").waitFor();
    const playable = await audio.evaluate(
      (element: HTMLAudioElement) =>
        new Promise<boolean>((resolve) => {
          if (element.readyState >= 2) return resolve(true);
          element.addEventListener("canplay", () => resolve(true), { once: true });
          element.addEventListener("error", () => resolve(false), { once: true });
          element.load();
        }),
    );
    expect(playable).toBe(true);

    const photo = thread().getByRole("img", { name: `Photo sent by ${CUSTOMER.name}` });
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(64);
    await thread().getByText(CAPTION).waitFor();
  });

  test("the photo opens full size and Escape closes it", async () => {
    await thread().getByRole("button", { name: "Open the photo full size" }).click();
    const viewer = admin.getByRole("dialog", { name: `Photo sent by ${CUSTOMER.name}` });
    await viewer.waitFor();
    await snap(admin, "60-media-photo-full-size");
    await admin.keyboard.press("Escape");
    await viewer.waitFor({ state: "hidden" });
  });

  test("the team replies with a PDF from the file picker and it is sent", async () => {
    await admin.getByTestId("composer-file-input").setInputFiles({ name: "proposta.pdf", mimeType: "application/pdf", buffer: tinyPdf() });
    await admin.getByText("proposta.pdf is ready to send").waitFor();
    await admin.getByLabel("Reply to the customer").fill("Segue a proposta");
    await admin.getByRole("button", { name: "Send", exact: true }).click();
    const chip = admin.getByRole("link", { name: "Download proposta.pdf" });
    await chip.waitFor();
    const bubble = thread().locator("li", { has: chip });
    await bubble.locator('[data-delivery="sent"], [data-delivery="delivered"], [data-delivery="read"]').waitFor();
  });

  test("a reply typed on the linked phone turns to read ticks when the customer reads it", async () => {
    await deliver("messages.upsert", {
      ...customerMessage("conversation", {}, "", true, PHONE_REPLY.id),
      message: { conversation: PHONE_REPLY.text },
      messageType: "conversation",
      status: "SERVER_ACK",
    });
    const bubble = thread().locator("li", { hasText: PHONE_REPLY.text });
    await bubble.waitFor();
    await deliver("messages.update", {
      messageId: "cmf0000000000000000000000",
      keyId: PHONE_REPLY.id,
      remoteJid: CUSTOMER_JID,
      fromMe: true,
      participant: CUSTOMER_JID,
      status: "READ",
      instanceId: "7d6c1a2e-0000-4000-8000-000000000001",
    });
    await bubble.getByRole("img", { name: "Read" }).waitFor();
  });

  test("screenshots at 390 and 1280 px, in English and in Brazilian Portuguese", async () => {
    const url = admin.url();
    for (const locale of ["en-US", "pt-BR"]) {
      const { context, page } = await newPage(e2e, { locale });
      await signIn(page, "Mia Member");
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(url);
        await page.getByRole("log").locator("audio").waitFor();
        await snap(page, `61-media-thread-${locale}-${width}`);
      }
      if (locale === "pt-BR") {
        await page.getByRole("log").getByText("Mensagem de voz").waitFor();
        await page.getByRole("log").getByRole("link", { name: "Baixar proposta.pdf" }).waitFor();
      }
      await context.close();
    }
  });

  test("on the simulator's phone a customer sends a voice note and a photo with a caption; the thread plays and shows them", async () => {
    phone = await adminContext.newPage();
    await phone.goto(`${e2e.stack.whatsappUrl}/phone/${encodeURIComponent(instanceName)}`);
    await startChat(phone, PHONE_CUSTOMER);
    await phone.getByRole("button", { name: "Voice note" }).click();
    // The phone shows each message once sent; the caption is typed only then (sending clears the box).
    await phone.locator("#messages li.in").first().waitFor();
    await phone.locator("#compose-text").fill(PHONE_CAPTION);
    await phone.getByRole("button", { name: "Sample photo" }).click();
    await phone.getByRole("img", { name: `Photo: ${PHONE_CAPTION}` }).waitFor();

    await admin.getByRole("link", { name: "Conversations", exact: true }).click();
    await admin.getByRole("link", { name: new RegExp(PHONE_CUSTOMER.name) }).click();
    await admin.getByRole("heading", { name: PHONE_CUSTOMER.name }).waitFor();
    await thread().locator("audio").waitFor();
    await thread().getByText(PHONE_CAPTION).waitFor();
    await thread().getByRole("img", { name: `Photo sent by ${PHONE_CUSTOMER.name}` }).waitFor();
  });

  test("the team's PDF reaches the customer's phone and turns to read ticks when the customer opens the chat", async () => {
    await admin.getByTestId("composer-file-input").setInputFiles({ name: "catalogo.pdf", mimeType: "application/pdf", buffer: tinyPdf() });
    await admin.getByText("catalogo.pdf is ready to send").waitFor();
    await admin.getByRole("button", { name: "Send", exact: true }).click();
    await phone.getByText(/catalogo\.pdf/).waitFor();
    // The customer looks at the chat: the phone reports READ.
    await phone.bringToFront();
    await phone.locator("#compose-text").focus();
    const bubble = thread().locator("li", { has: admin.getByRole("link", { name: "Download catalogo.pdf" }) });
    await bubble.getByRole("img", { name: "Read" }).waitFor();
  });

  test("a quoted reply and a reaction from the phone appear on the right bubbles", async () => {
    const business = phone.locator("#messages li.out", { hasText: "catalogo.pdf" });
    await business.getByRole("button", { name: "React with 👍" }).click();
    await business.getByRole("button", { name: "Reply to this message" }).click();
    await phone.locator("#compose-text").fill("Pode ser na terça?");
    await phone.getByRole("button", { name: "Send", exact: true }).click();

    const ours = thread().locator("li", { has: admin.getByRole("link", { name: "Download catalogo.pdf" }) });
    await ours.getByRole("listitem", { name: "👍 from the customer" }).waitFor();
    const reply = thread().locator("li", { hasText: "Pode ser na terça?" });
    await reply.getByRole("button", { name: "Go to the quoted message" }).waitFor();
    await snap(admin, "62-media-phone-quote-and-reaction");
  });
});
