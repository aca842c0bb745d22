import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LOCAL_EVOLUTION_API_KEY } from "../../tools/dev/stack";
import { connectNewAgent, newPage, signIn, snap, startChat, startE2E, type E2E } from "./harness";

/**
 * A number never strands a lead: when the phone logs out, the conversation says so and points at
 * the agent instead of offering a composer that fails; once the agent is deleted, the conversation
 * stays readable with the reason in place of the composer — in English and Brazilian Portuguese,
 * on a phone and a desktop.
 */

const ORG = "/org/org_demo_acme";
const AGENT_NAME = "Vendas Campinas";
const CUSTOMER = { name: "Dora Cliente", number: "5519988887777" };
const CUSTOMER_TEXT = "Bom dia! Vocês entregam em Campinas?";
const WIDTHS = [390, 1280] as const;

let e2e: E2E;
let admin: Page;
let adminContext: BrowserContext;
let phone: Page;
let instanceName = "";
let conversationUrl = "";

beforeAll(async () => {
  e2e = await startE2E();
  ({ context: adminContext, page: admin } = await newPage(e2e));
});

afterAll(async () => {
  await e2e?.stop();
});

/** One screenshot per width, the page scrolled to the top. */
async function snapWidths(page: Page, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await snap(page, `agent-health-${name}-${width}`);
  }
}

describe("agents never strand a lead", () => {
  test("a connected agent receives a customer's message", async () => {
    await signIn(admin, "Adam Admin");
    phone = await adminContext.newPage();
    instanceName = await connectNewAgent(e2e, admin, phone, AGENT_NAME);
    await startChat(phone, CUSTOMER);
    await phone.locator("#compose-text").fill(CUSTOMER_TEXT);
    await phone.getByRole("button", { name: "Send" }).click();

    await admin.getByRole("link", { name: "Conversations", exact: true }).click();
    await admin.getByRole("link", { name: new RegExp(CUSTOMER.name) }).click();
    await admin.getByRole("log").getByText(CUSTOMER_TEXT).waitFor();
    conversationUrl = admin.url();
    await expect(admin.getByLabel("Reply to the customer").isEnabled()).resolves.toBe(true);
  });

  test("when the phone logs out, the conversation says to reconnect it and the composer is disabled", async () => {
    const logout = await fetch(`${e2e.stack.whatsappUrl}/instance/logout/${encodeURIComponent(instanceName)}`, {
      method: "DELETE",
      headers: { apikey: LOCAL_EVOLUTION_API_KEY },
    });
    expect(logout.status).toBe(200);

    await admin.getByText("Number disconnected — reconnect it").waitFor();
    await expect(admin.getByRole("link", { name: `Reconnect ${AGENT_NAME}` }).isVisible()).resolves.toBe(true);
    const composer = admin.getByLabel("Reply to the customer (not available)");
    await expect(composer.isDisabled()).resolves.toBe(true);
    await expect(admin.getByText("This WhatsApp number is disconnected. Reconnect it on the agent's page to reply.").isVisible()).resolves.toBe(true);
    await snapWidths(admin, "10-disconnected-en");
  });

  test("the dashboard warns about the disconnected number with a link to reconnect it", async () => {
    await admin.goto(`${ORG}/dashboard`);
    await admin.getByRole("heading", { name: "1 WhatsApp number is disconnected" }).waitFor();
    await expect(admin.getByRole("link", { name: `Reconnect ${AGENT_NAME}` }).isVisible()).resolves.toBe(true);
    await snapWidths(admin, "11-dashboard-en");
  });

  test("after the agent is deleted the conversation stays readable, resolved, with the reason instead of a composer", async () => {
    await admin.getByRole("link", { name: `Reconnect ${AGENT_NAME}` }).click();
    await admin.getByRole("button", { name: "Delete agent" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Delete agent" }).click();
    await admin.waitForURL(/\/agents$/);

    await admin.goto(conversationUrl);
    await admin.getByRole("log").getByText(CUSTOMER_TEXT).waitFor();
    await admin.getByText(`The number “${AGENT_NAME}” was removed`).waitFor();
    await expect(admin.getByLabel("Reply to the customer (not available)").isDisabled()).resolves.toBe(true);
    await expect(admin.getByText("This WhatsApp number was removed. The conversation stays here to read.").isVisible()).resolves.toBe(true);
    await snapWidths(admin, "12-removed-en");
  });

  test("a Brazilian Portuguese reader sees the same reason in Portuguese", async () => {
    const { context, page } = await newPage(e2e, { locale: "pt-BR" });
    await signIn(page, "Adam Admin");
    await page.goto(conversationUrl.replace(/^https?:\/\/[^/]+/, ""));
    await page.getByRole("log").getByText(CUSTOMER_TEXT).waitFor();
    await page.getByText(`O número “${AGENT_NAME}” foi removido`).waitFor();
    await expect(page.getByLabel("Responder ao cliente (indisponível)").isDisabled()).resolves.toBe(true);
    await expect(page.getByText("Este número de WhatsApp foi removido. A conversa continua aqui para consulta.").isVisible()).resolves.toBe(true);
    await snapWidths(page, "13-removed-pt-BR");
    await context.close();
  });
});
