import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectNewAgent, newPage, signIn, snap, startChat, startE2E, type E2E } from "./harness";

/**
 * The team's inbox tools on one live stack: Adam (admin) sets up a quick reply and a label, a
 * customer asks for a quote on the phone, Adam answers with "/preco" (his bubble shows his name),
 * leaves a private note mentioning Olivia (she sees it, in Portuguese), labels the conversation and
 * finds the customer's "orçamento" by searching "orcamento".
 */

const ORG = "/org/org_demo_acme";
const AGENT_NAME = "Vendas Tools";
const CUSTOMER = { name: "Carla Cliente", number: "5511955554444" };
const CUSTOMER_TEXT = "Oi! Pode me mandar o orçamento do plano?";
const QUICK_REPLY = "Oi {{contact.first_name}}, o plano custa R$ 99 por mês.";
const RENDERED_REPLY = "Oi Carla, o plano custa R$ 99 por mês.";
const LABEL = "Orçamento enviado";
const NOTE_TEXT = "pode ligar para ela amanhã?";

let e2e: E2E;
let adam: Page;
let adamContext: BrowserContext;
let phone: Page;

beforeAll(async () => {
  e2e = await startE2E();
  ({ context: adamContext, page: adam } = await newPage(e2e));
});

afterAll(async () => {
  await e2e?.stop();
});

/** Full-page screenshots at a phone's and a laptop's width. */
async function snapBoth(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, `${name}-1280`);
}

describe("inbox tools", () => {
  test("Adam connects an agent and a customer asks for a quote", async () => {
    await signIn(adam, "Adam Admin");
    phone = await adamContext.newPage();
    await connectNewAgent(e2e, adam, phone, AGENT_NAME);
    await phone.getByText(/^Connected as/).waitFor();
    await startChat(phone, CUSTOMER);
    await phone.locator("#compose-text").fill(CUSTOMER_TEXT);
    await phone.getByRole("button", { name: "Send" }).click();
  });

  test("Adam adds a quick reply and a label in the settings", async () => {
    await adam.goto(`${ORG}/settings`);
    await adam.getByLabel("Shortcut").fill("preco");
    await adam.getByLabel("Text", { exact: true }).fill(QUICK_REPLY);
    await adam.getByRole("button", { name: "Add quick reply" }).click();
    await adam.getByText("/preco").waitFor();
    await adam.getByLabel("Name", { exact: true }).fill(LABEL);
    await adam.getByRole("button", { name: "Add label" }).click();
    await adam.getByRole("list", { name: "Labels" }).getByText(LABEL).waitFor();
    await snapBoth(adam, "60-settings-labels-quick-replies");
  });

  test("Adam inserts the quick reply with / and sends it; the bubble shows his name", async () => {
    await adam.goto(`${ORG}/conversations`);
    await adam.getByRole("link", { name: new RegExp(CUSTOMER.name) }).click();
    await adam.getByRole("log").getByText(CUSTOMER_TEXT).waitFor();
    const reply = adam.getByLabel("Reply to the customer");
    await reply.fill("/pre");
    await adam.getByRole("listbox", { name: "Quick replies" }).getByRole("option", { name: /\/preco/ }).waitFor();
    await snap(adam, "61-quick-reply-list");
    await reply.press("Enter");
    await expect(reply.inputValue()).resolves.toBe(RENDERED_REPLY);
    await reply.press("Enter");
    await phone.locator("#messages").getByText(RENDERED_REPLY).waitFor();
    const bubble = adam.getByRole("log").locator("li", { hasText: RENDERED_REPLY });
    await bubble.getByText("Adam Admin").waitFor();
  });

  test("Adam leaves a private note mentioning Olivia, shown as a private note", async () => {
    await adam.getByRole("button", { name: "Private note" }).click();
    const note = adam.getByLabel("Private note for the team");
    await note.fill("@Oli");
    await adam.getByRole("listbox", { name: "Teammates to mention" }).getByRole("option", { name: "Olivia Owner" }).waitFor();
    await note.press("Enter");
    await expect(note.inputValue()).resolves.toBe("@Olivia Owner ");
    await note.press("End");
    await note.pressSequentially(NOTE_TEXT);
    await note.press("Enter");
    const bubble = adam.getByRole("log").locator("li", { hasText: NOTE_TEXT });
    await bubble.getByText("Private note").waitFor();
    await expect(phone.locator("#messages").getByText(NOTE_TEXT).count()).resolves.toBe(0);
  });

  test("Adam labels the conversation: the chip shows in the header and on the list row", async () => {
    await adam.getByRole("button", { name: /^Labels/ }).click();
    // The box follows the conversation's live labels, so it is ticked once the server has the label.
    await adam.getByRole("checkbox", { name: LABEL }).click();
    await adam.locator("main header").getByText(LABEL).waitFor();
    await adam.getByRole("button", { name: /^Labels/ }).click();
    await snapBoth(adam, "62-thread-author-note-label");
    await adam.goto(`${ORG}/conversations`);
    await adam.getByRole("link", { name: new RegExp(CUSTOMER.name) }).getByText(LABEL).waitFor();
  });

  test("searching “orcamento” finds the customer's “orçamento”", async () => {
    await adam.getByLabel("Search messages and contacts").fill("orcamento");
    const hit = adam.getByRole("region", { name: "Messages" }).getByRole("link", { name: /orçamento do plano/ });
    await hit.waitFor();
    await snapBoth(adam, "63-search-orcamento");
    await hit.click();
    await adam.getByRole("log").getByText(CUSTOMER_TEXT).waitFor();
    // The thread goes to the message found and flashes it.
    await adam.getByRole("log").locator('li[data-highlighted="true"]', { hasText: CUSTOMER_TEXT }).waitFor();
  });

  test("Olivia, in Portuguese, sees the note that mentions her", async () => {
    const { page: olivia } = await newPage(e2e, { locale: "pt-BR" });
    await signIn(olivia, "Olivia Owner");
    await olivia.goto(`${ORG}/conversations`);
    await olivia.getByRole("link", { name: new RegExp(CUSTOMER.name) }).click();
    const bubble = olivia.getByRole("log").locator("li", { hasText: NOTE_TEXT });
    await bubble.getByText("Nota interna").waitFor();
    await bubble.getByText("@Olivia Owner", { exact: false }).waitFor();
    await snapBoth(olivia, "64-pt-BR-thread-note");
    await olivia.goto(`${ORG}/settings`);
    await olivia.getByText("/preco").waitFor();
    await snapBoth(olivia, "65-pt-BR-settings");
  });
});
