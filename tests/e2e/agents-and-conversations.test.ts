import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newPage, snap, startE2E, type E2E } from "./harness";

/**
 * An admin connects a WhatsApp number by scanning its QR code on the simulator's phone page, a
 * customer writes, the message shows up live in the inbox and thread, and the team's reply reaches
 * the phone. Nothing is reloaded by hand: every change arrives through Convex subscriptions.
 */

const ORG = "/org/org_demo_acme";
const AGENT_NAME = "Vendas São Paulo";
const CUSTOMER = { name: "Carla Cliente", number: "5511988887777" };
const CUSTOMER_TEXT = "Oi! Vocês atendem empresas pequenas?";
const TEAM_REPLY = "Olá Carla, atendemos sim. Quantos vendedores vocês têm hoje?";

let e2e: E2E;
let admin: Page;
let phone: Page;
let adminContext: BrowserContext;
let instanceName = "";

beforeAll(async () => {
  e2e = await startE2E();
  ({ context: adminContext, page: admin } = await newPage(e2e));
});

afterAll(async () => {
  await e2e?.stop();
});

async function signIn(page: Page, name: string) {
  await page.goto(`${ORG}/agents`);
  await page.getByRole("button", { name: new RegExp(`^Sign in as ${name}`) }).click();
  await page.waitForURL(/\/org\/org_demo_acme/);
  await page.goto(`${ORG}/agents`);
}

describe("connecting an agent and talking to a customer live", () => {
  test("an admin creates an agent and is shown its webhook secret once", async () => {
    await signIn(admin, "Adam Admin");
    await admin.getByRole("button", { name: "New agent" }).click();
    await admin.getByLabel("Name").fill(AGENT_NAME);
    await admin.getByRole("button", { name: "Create agent" }).click();
    await admin.getByText(`Agent “${AGENT_NAME}” created`).waitFor();
    await expect(admin.getByText("it is shown only this once").isVisible()).resolves.toBe(true);
    await snap(admin, "10-agent-created");
  });

  test("the agent page shows a live QR code waiting to be scanned", async () => {
    await admin.getByRole("link", { name: "Open the agent to connect it" }).click();
    await admin.getByRole("img", { name: `QR code to connect the agent ${AGENT_NAME} to WhatsApp` }).waitFor();
    instanceName = (await admin.locator("dd code").first().innerText()).trim();
    expect(instanceName).not.toBe("");
    await snap(admin, "11-agent-qr");
  });

  test("scanning the QR on the phone turns the agent connected without a reload", async () => {
    phone = await adminContext.newPage();
    await phone.goto(`${e2e.stack.whatsappUrl}/phone/${encodeURIComponent(instanceName)}`);
    await phone.getByRole("button", { name: "Scan with phone" }).click();
    await phone.getByText(/^Connected as/).waitFor();
    await admin.getByText(/^Connected to \+55/).waitFor();
    await expect(admin.getByRole("img", { name: /QR code to connect/ }).count()).resolves.toBe(0);
    await snap(admin, "12-agent-connected");
  });

  test("a customer's message appears live in the inbox and in the thread", async () => {
    await admin.getByRole("link", { name: "Conversations", exact: true }).click();
    await admin.getByText("No conversations yet").waitFor();
    await phone.getByLabel("Name").fill(CUSTOMER.name);
    await phone.getByLabel("Phone number").fill(CUSTOMER.number);
    await phone.getByRole("button", { name: "Start chat" }).click();
    await phone.locator("#compose-text").fill(CUSTOMER_TEXT);
    await phone.getByRole("button", { name: "Send" }).click();
    await admin.getByText(CUSTOMER_TEXT).waitFor();
    await snap(admin, "13-inbox-live");
    await admin.getByRole("link", { name: new RegExp(CUSTOMER.name) }).click();
    await admin.getByRole("log").getByText(CUSTOMER_TEXT).waitFor();
    await snap(admin, "14-thread");
  });

  test("the team's reply from the composer reaches the customer's phone", async () => {
    await admin.getByLabel("Reply to the customer").fill(TEAM_REPLY);
    await admin.getByLabel("Reply to the customer").press("Enter");
    await phone.locator("#messages").getByText(TEAM_REPLY).waitFor();
    await admin.getByRole("log").getByText(TEAM_REPLY).waitFor();
    await snap(phone, "15-phone-reply");
    await snap(admin, "16-thread-replied");
  });

  test("a member sees the agent's status but cannot create or change agents", async () => {
    const { page: member } = await newPage(e2e);
    await signIn(member, "Mia Member");
    await member.getByText(AGENT_NAME).waitFor();
    await member.getByText("Only owners and admins can create agents").waitFor();
    await expect(member.getByRole("button", { name: "New agent" }).count()).resolves.toBe(0);
    await snap(member, "17-member-agents");
  });
});
