import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./a11y";
import { connectNewAgent, newPage, signIn, snap, startChat, startE2E, type E2E } from "./harness";

/**
 * The team inbox as three teammates live it (one stack): Olivia (owner, English, desktop) hands a
 * conversation waiting for a person to Adam (admin, Brazilian Portuguese, phone); it shows up in his
 * Mine view and header badge live; he resolves it after confirming; the customer writes again and
 * it reopens; Mia reading the thread leaves Olivia's unread count alone. No reloads, no sleeps.
 */

const ORG = "/org/org_demo_acme";
const INBOX = `${ORG}/conversations`;
const AGENT_NAME = "Vendas Equipe";
const CUSTOMER = { name: "Paula Prado", number: "5511955554444" };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let e2e: E2E;
let olivia: Page;
let adam: Page;
let mia: Page;
let customer: Page;
let oliviaContext: BrowserContext;
let conversationPath = "";

beforeAll(async () => {
  e2e = await startE2E();
  ({ context: oliviaContext, page: olivia } = await newPage(e2e));
  ({ page: adam } = await newPage(e2e, { locale: "pt-BR" }));
  ({ page: mia } = await newPage(e2e));
  await olivia.setViewportSize(DESKTOP);
  await adam.setViewportSize(PHONE);
}, 240_000);

afterAll(async () => {
  await e2e?.stop();
});

async function customerSays(text: string) {
  await customer.locator("#compose-text").fill(text);
  await customer.getByRole("button", { name: "Send" }).click();
}

async function expectAccessible(page: Page, where: string) {
  expect({ where, findings: await seriousViolations(page) }).toEqual({ where, findings: [] });
}

/** The conversation's row in a list, found by the customer's name. */
const rowOf = (page: Page) => page.getByRole("link", { name: new RegExp(CUSTOMER.name) });

describe("a conversation handed from one teammate to another", () => {
  test("Olivia connects a number with the bot off, so a new customer waits for a person", async () => {
    await signIn(olivia, "Olivia Owner");
    customer = await oliviaContext.newPage();
    await connectNewAgent(e2e, olivia, customer, AGENT_NAME);
    await olivia.getByLabel("Answer customers automatically").uncheck();
    await olivia.getByRole("button", { name: "Save bot settings" }).click();
    await olivia.getByText("Bot settings saved.").waitFor();
    await olivia.getByRole("heading", { name: "Conversation routing" }).waitFor();
    await snap(olivia, "team-01-agent-routing-en-1280");

    await startChat(customer, CUSTOMER);
    await customerSays("Oi, quero falar com alguém sobre um orçamento");
    await olivia.goto(`${INBOX}?view=waiting`);
    await rowOf(olivia).waitFor();
    await olivia.getByRole("navigation", { name: "Views" }).getByText("Waiting for a person").waitFor();
    await snap(olivia, "team-02-waiting-en-1280");
    await expectAccessible(olivia, "inbox, waiting view");
  });

  test("Olivia assigns the waiting conversation to Adam, and it appears in his Mine view with the header badge, live", async () => {
    await signIn(adam, "Adam Admin");
    await adam.goto(`${INBOX}?view=mine`);
    await adam.getByRole("navigation", { name: "Visões" }).waitFor();
    await expect(rowOf(adam).count()).resolves.toBe(0);

    conversationPath = (await rowOf(olivia).getAttribute("href")) ?? "";
    expect(conversationPath).toContain("/conversations/");
    await olivia.goto(conversationPath);
    await olivia.getByLabel("Owner", { exact: true }).selectOption({ label: "Adam Admin" });
    await olivia.getByRole("img", { name: "Owner: Adam Admin" }).waitFor();
    await snap(olivia, "team-03-assigned-en-1280");

    await rowOf(adam).waitFor();
    await adam.getByRole("link", { name: "1 conversa precisa de você" }).waitFor();
    await snap(adam, "team-04-mine-badge-pt-390");
    await expectAccessible(adam, "inbox, Mine view (pt-BR, 390 px)");
  });

  test("Adam resolves it after confirming, since the customer spoke last", async () => {
    await rowOf(adam).click();
    await adam.getByRole("log").getByText("orçamento").waitFor();
    await adam.getByRole("button", { name: "Resolver" }).click();
    const dialog = adam.getByRole("dialog", { name: "Resolver esta conversa?" });
    await dialog.waitFor();
    await snap(adam, "team-05-resolve-confirm-pt-390");
    await dialog.getByRole("button", { name: "Resolver" }).click();
    await adam.getByRole("button", { name: "Reabrir" }).waitFor();
    await adam.locator("main header").getByText("Resolvida").waitFor();
    // Opening the thread read it: the badge no longer counts it.
    await adam.getByRole("link", { name: "Nenhuma conversa precisa de você" }).waitFor();
    await snap(adam, "team-06-resolved-pt-390");
    await expectAccessible(adam, "thread, resolved (pt-BR, 390 px)");
  });

  test("the customer writes again and the conversation reopens live", async () => {
    await olivia.goto(INBOX);
    await customerSays("Ainda tenho uma dúvida sobre o orçamento");
    await adam.getByRole("log").getByText("Ainda tenho uma dúvida").waitFor();
    await adam.getByRole("button", { name: "Marcar como pendente" }).waitFor();
    await adam.locator("main header").getByText("Aberta").waitFor();
    await adam.setViewportSize(DESKTOP);
    await snap(adam, "team-07-reopened-pt-1280");
  });

  test("Mia reading the thread leaves Olivia's unread count alone", async () => {
    const unreadForOlivia = rowOf(olivia).getByText(/unread message/);
    await unreadForOlivia.waitFor();
    const before = await unreadForOlivia.innerText();
    await signIn(mia, "Mia Member");
    await mia.goto(conversationPath);
    await mia.getByRole("log").getByText("Ainda tenho uma dúvida").waitFor();
    await snap(mia, "team-08-mia-thread-en-1280");
    await mia.goto(INBOX);
    await rowOf(mia).waitFor();
    await expect(rowOf(mia).getByText(/unread message/).count()).resolves.toBe(0);
    await expect(unreadForOlivia.innerText()).resolves.toBe(before);
    await olivia.setViewportSize(PHONE);
    await snap(olivia, "team-09-olivia-unread-en-390");
    await expectAccessible(olivia, "inbox (en, 390 px)");
    const overflow = await olivia.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });

  test("Olivia opens the thread and a divider marks what is new to her: the message since she last read it", async () => {
    await rowOf(olivia).click();
    const thread = olivia.getByRole("log");
    await thread.getByText("New messages").waitFor();
    const order = await thread.locator("li").allInnerTexts();
    const divider = order.findIndex((text) => text.includes("New messages"));
    expect(order[divider - 1]).toContain("orçamento");
    expect(order[divider + 1]).toContain("Ainda tenho uma dúvida");
    await snap(olivia, "team-10-new-divider-en-390");
    await olivia.setViewportSize(DESKTOP);
    await olivia.goto(INBOX);
    await rowOf(olivia).waitFor();
    await expect(rowOf(olivia).getByText(/unread message/).count()).resolves.toBe(0);
  });
});
