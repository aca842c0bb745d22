import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newPage, signIn, snap, startChat, startE2E, type E2E } from "./harness";

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
const SPIN_CUSTOMER = { name: "Bruno Lojista", number: "5511977776666" };
/** A customer walking through SPIN, each message with the stage it should bring the conversation to. */
const SPIN_SCRIPT = [
  ["Oi! Somos uma loja com 8 vendedores e hoje usamos planilha para controlar os pedidos", "Situation"],
  ["O problema é que é muito difícil acompanhar tudo pela planilha", "Problem"],
  ["Isso faz com que a gente perca clientes e o faturamento cai todo mês", "Implication"],
  ["Seria ótimo ter uma solução que resolvesse isso, ajudaria demais", "Need-payoff"],
] as const;

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

async function phoneSays(text: string) {
  await phone.locator("#compose-text").fill(text);
  await phone.getByRole("button", { name: "Send" }).click();
}

/** Waits until the phone shows `count` messages from the business in the open chat. */
async function businessMessagesOnPhone(count: number) {
  await phone.locator(`#messages li.out >> nth=${count - 1}`).waitFor();
}

describe("connecting an agent and talking to a customer live", () => {
  test("an admin creates an agent and is shown its webhook secret once", async () => {
    await signIn(admin, "Adam Admin");
    await admin.goto(`${ORG}/agents`);
    await admin.getByRole("button", { name: "New agent" }).click();
    await admin.getByLabel("Name").fill(AGENT_NAME);
    await admin.getByRole("button", { name: "Create agent" }).click();
    await admin.getByText(`Agent “${AGENT_NAME}” created`).waitFor();
    await expect(admin.getByText("it is shown only this once").isVisible()).resolves.toBe(true);
    await snap(admin, "10-agent-created");
  });

  test("the agent page shows a live QR code waiting to be scanned", async () => {
    await admin.getByRole("link", { name: "Open the agent to connect it" }).click();
    await admin.getByRole("img", { name: `QR code to connect ${AGENT_NAME} to WhatsApp` }).waitFor();
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
    await startChat(phone, CUSTOMER);
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
    await member.goto(`${ORG}/agents`);
    await member.getByText(AGENT_NAME).waitFor();
    await member.getByText("Only owners and admins can create agents").waitFor();
    await expect(member.getByRole("button", { name: "New agent" }).count()).resolves.toBe(0);
    await snap(member, "17-member-agents");
  });
});

describe("the SPIN bot answering a customer live", () => {
  test("the bot answers a new customer's first message on the phone", async () => {
    await startChat(phone, SPIN_CUSTOMER);
    await phoneSays(SPIN_SCRIPT[0][0]);
    await businessMessagesOnPhone(1);
    await snap(phone, "20-phone-bot-first-question");
  });

  test("the conversation view shows the bot's questions and the stage moving to need-payoff live", async () => {
    await admin.getByRole("link", { name: "Conversations", exact: true }).click();
    await admin.getByRole("link", { name: new RegExp(SPIN_CUSTOMER.name) }).click();
    const thread = admin.getByRole("log");
    const timeline = admin.getByRole("list", { name: "SPIN timeline" });
    const stageInHeader = (stage: string) => admin.locator("main header").getByText(`SPIN stage: ${stage}`);
    await thread.getByText("Bot").first().waitFor();
    await stageInHeader("Situation").waitFor();
    for (const [index, [text, stage]] of SPIN_SCRIPT.entries()) {
      if (index === 0) continue;
      await phoneSays(text);
      await businessMessagesOnPhone(index + 1);
      await thread.getByText(text).waitFor();
      await stageInHeader(stage).waitFor();
      await timeline.getByText(/^said: “/).nth(index - 1).waitFor();
      await snap(admin, `2${index}-stage-${stage.toLowerCase()}`);
    }
    await admin.getByText("Ready for a salesperson").first().waitFor();
    await expect(thread.getByText("Bot").count()).resolves.toBe(SPIN_SCRIPT.length);
  });

  test("pausing the bot stops its replies until it is resumed", async () => {
    await admin.getByRole("button", { name: "Pause the bot" }).click();
    await admin.getByText("Bot paused").first().waitFor();
    await phoneSays("Vocês ainda estão aí?");
    await admin.getByRole("log").getByText("Vocês ainda estão aí?").waitFor();
    await admin.getByRole("button", { name: "Resume the bot" }).click();
    await businessMessagesOnPhone(SPIN_SCRIPT.length + 1);
    await snap(admin, "25-bot-resumed");
  });
});

describe("the SPIN dashboard", () => {
  test("a customer message from the phone moves today's count on an open dashboard without a reload", async () => {
    await admin.getByRole("link", { name: "Dashboard", exact: true }).click();
    const messagesToday = admin.getByTestId("metric-messages-in");
    await messagesToday.waitFor();
    await admin.getByText("Days in America/Sao_Paulo").waitFor();
    const before = Number(await messagesToday.innerText());
    expect(before).toBeGreaterThanOrEqual(SPIN_SCRIPT.length + 1);
    await snap(admin, "30-dashboard");
    await phoneSays("Mais uma pergunta: vocês emitem nota fiscal?");
    await admin.waitForFunction(
      (expected) => document.querySelector('[data-testid="metric-messages-in"]')?.textContent === String(expected),
      before + 1,
    );
    await snap(admin, "31-dashboard-live");
  });
});

