import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newPage, snap, startE2E, type E2E } from "./harness";

/**
 * A new owner creates an organization and lands on its checklist: she names and connects the first
 * number by scanning the QR on the simulator's phone, tells the bot her price in plain words (the
 * preview answers as she types), sends the test message from the phone the page opens with it typed,
 * watches the step turn green with the bot's reply, and invites a teammate. Every step changes live;
 * screenshots at 390 px and 1280 px, in English and Brazilian Portuguese.
 */

const ORG_NAME = "Doces da Vó";
const AGENT_NAME = "WhatsApp Vendas";
const PRICE_ANSWER = "O bolo de pote custa R$ 12 a unidade ou R$ 60 a caixa com 6.";
const TEAMMATE = "lia@docesdavo.example";

let e2e: E2E;
let owner: Page;
let context: BrowserContext;
let onboardingPath = "";

beforeAll(async () => {
  e2e = await startE2E();
  ({ context, page: owner } = await newPage(e2e));
  await owner.setViewportSize({ width: 1280, height: 900 });
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
});

/** The same state at a phone's width and a desktop's. */
async function snapBoth(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, `onboarding-${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await snap(page, `onboarding-${name}-1280`);
}

const step = (page: Page, id: string) => page.locator(`#step-${id}`);
const stepDone = (page: Page, id: string, label = "Done") => step(page, id).getByText(label, { exact: true }).waitFor();

/** Clicks a link that opens in a new tab and returns that tab. */
async function openInNewTab(page: Page, name: string | RegExp): Promise<Page> {
  const [tab] = await Promise.all([context.waitForEvent("page"), page.getByRole("link", { name }).click()]);
  await tab.waitForLoadState();
  return tab;
}

async function createOrganization(page: Page, user: string, name: string, labels = { signIn: "Sign in as", orgName: "Organization name", create: "Create organization" }) {
  await page.goto("/select-org");
  await page.getByRole("button", { name: new RegExp(`^${labels.signIn} ${user}`) }).click();
  await page.waitForURL(/\/(org|select-org)/);
  await page.goto("/select-org");
  await page.getByLabel(labels.orgName).fill(name);
  await page.getByRole("button", { name: labels.create }).click();
  await page.waitForURL(/\/org\/[^/]+\/onboarding$/);
}

describe("a new owner goes from a new organization to the bot's first reply", () => {
  test("creating an organization lands on its checklist with every step to do", async () => {
    await createOrganization(owner, "Bruno Souza", ORG_NAME);
    onboardingPath = new URL(owner.url()).pathname;
    await owner.getByRole("heading", { name: "Get started" }).waitFor();
    await owner.getByText("0 of 4 steps done").waitFor();
    await snapBoth(owner, "01-new-org-en");
  });

  test("naming the number shows its live QR code, and scanning it on the phone connects it", async () => {
    await step(owner, "connect").getByLabel("Name of the number").fill(AGENT_NAME);
    await owner.getByRole("button", { name: "Connect number" }).click();
    await owner.getByRole("img", { name: `QR code to connect ${AGENT_NAME} to WhatsApp` }).waitFor();
    await snapBoth(owner, "02-qr-en");
    const phone = await openInNewTab(owner, "Open the simulator's phone");
    await phone.getByRole("button", { name: "Scan with phone" }).click();
    await phone.getByText(/^Connected as/).waitFor();
    await phone.close();
    await step(owner, "connect").getByText(/^Connected to \+55/).waitFor();
    await stepDone(owner, "connect");
  });

  test("the bot's preview answers the price as the owner types it, and saving completes the step", async () => {
    const bot = step(owner, "bot");
    await bot.getByLabel("Who answers").fill("Sou a Bia, da Doces da Vó");
    await bot.getByLabel("What you sell").fill("bolo de pote");
    await bot.getByLabel("When someone asks the price, answer").fill(PRICE_ANSWER);
    await bot.getByRole("group", { name: "Preview of the bot's first reply" }).getByText(PRICE_ANSWER, { exact: false }).waitFor();
    await snapBoth(owner, "03-bot-preview-en");
    await bot.getByRole("button", { name: "Save" }).click();
    await bot.getByText("Saved. The bot already answers this way.").waitFor();
    await stepDone(owner, "bot");
  });

  test("the simulator's phone opens with the test message typed, and the step turns green with the bot's reply", async () => {
    const test = step(owner, "test");
    await test.getByText("Waiting for the message…").waitFor();
    const phone = await openInNewTab(owner, "Open the phone with the message typed");
    const box = phone.locator("#compose-text");
    await expect.poll(() => box.inputValue()).toBe("Hi! How much is it?");
    await phone.getByRole("button", { name: "Send" }).click();
    await test.getByText("Message received!").waitFor();
    await test.getByText(PRICE_ANSWER, { exact: false }).waitFor({ timeout: 30_000 });
    await stepDone(owner, "test");
    await phone.locator("#messages li.out").getByText(PRICE_ANSWER, { exact: false }).waitFor();
    await snap(phone, "onboarding-04-phone-reply");
    await phone.close();
    await snapBoth(owner, "04-test-green-en");
  });

  test("inviting a teammate completes the checklist", async () => {
    const team = step(owner, "team");
    await team.getByLabel("Email").fill(TEAMMATE);
    await team.getByRole("button", { name: "Invite", exact: true }).click();
    await team.getByText(`Invitation sent to ${TEAMMATE}.`).waitFor();
    await stepDone(owner, "team");
    await owner.getByText("4 of 4 steps done").waitFor();
    await owner.getByText(/^All set/).waitFor();
    await snapBoth(owner, "05-all-done-en");
  });

  test("the overview no longer points to the finished checklist", async () => {
    await owner.goto(onboardingPath.replace(/\/onboarding$/, ""));
    await owner.getByRole("heading", { name: "Organization" }).waitFor();
    await expect(owner.getByRole("link", { name: "Continue setup" }).count()).resolves.toBe(0);
  });
});

describe("the checklist in Brazilian Portuguese", () => {
  test("a second new organization starts on the checklist, the dashboard and inbox name the next step", async () => {
    const { page } = await newPage(e2e, { locale: "pt-BR" });
    await createOrganization(page, "Bruno Souza", "Imobiliária Nova", {
      signIn: "Entrar como",
      orgName: "Nome da organização",
      create: "Criar organização",
    });
    await page.getByRole("heading", { name: "Primeiros passos" }).waitFor();
    await page.getByText("0 de 4 passos concluídos").waitFor();
    await snapBoth(page, "06-new-org-pt-BR");
    await step(page, "team").getByRole("button", { name: "Pular por enquanto" }).click();
    await stepDone(page, "team", "Pulado");
    const orgPath = new URL(page.url()).pathname.replace(/\/onboarding$/, "");
    await page.goto(`${orgPath}/conversations`);
    await page.getByText("Nenhum número de WhatsApp ainda").waitFor();
    await snapBoth(page, "07-inbox-empty-pt-BR");
    await page.getByRole("link", { name: "Conectar um número" }).click();
    await page.waitForURL(/\/onboarding#step-connect$/);
    await page.goto(orgPath);
    await page.getByRole("link", { name: "Continuar configuração" }).waitFor();
    await snapBoth(page, "08-overview-pt-BR");
    await page.getByRole("link", { name: "Continuar configuração" }).click();
    await step(page, "connect").getByLabel("Nome do número").fill("Atendimento");
    await page.getByRole("button", { name: "Conectar número" }).click();
    await step(page, "connect").getByRole("link", { name: "Abrir o celular do simulador" }).waitFor();
    await snapBoth(page, "09-qr-pt-BR");
  });
});
