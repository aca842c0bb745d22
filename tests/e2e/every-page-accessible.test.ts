import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { horizontalOverflow, seriousViolations, type Finding } from "./a11y";
import { connectNewAgent, newPage, SCREENSHOT_DIR, signIn, snap, startChat, startE2E, type E2E } from "./harness";

/**
 * Every page of the product, signed out, as an owner and as a member, in English and Brazilian
 * Portuguese, on a phone (390 px) and a desktop (1280 px): no serious or critical axe violation and
 * nothing wider than the viewport. One stack; each page is loaded once per person and language and
 * looked at in both widths. Screenshots and a JSON report land in test-results/e2e/.
 */

const ORG = "/org/org_demo_acme";
const AGENT_NAME = "Atendimento Recife";
const CUSTOMER = { name: "Joana Compras", number: "5581977775555" };
const CUSTOMER_TEXT = "Bom dia! Queria saber o preço do plano para 5 vendedores.";
const WIDTHS = [390, 1280] as const;
const VIEWPORTS = { 390: { width: 390, height: 844 }, 1280: { width: 1280, height: 900 } } as const;
const LOCALES = ["en", "pt-BR"] as const;
const SPINNER_IN_MAIN = "main [role=status] svg.animate-spin";

type Locale = (typeof LOCALES)[number];
type Role = "visitor" | "owner" | "member";
type ProductPage = { name: string; path: () => string; ready: (page: Page) => Locator };

const main = (page: Page) => page.locator("main");
const paths = { agent: "", conversation: "" };

const SIGNED_OUT_PAGES: ProductPage[] = [
  { name: "landing", path: () => "/", ready: (page) => main(page).locator("h1") },
  { name: "sign-in", path: () => "/sign-in", ready: (page) => main(page).locator("li button").first() },
];

const SIGNED_IN_PAGES: ProductPage[] = [
  { name: "select-org", path: () => "/select-org", ready: (page) => main(page).locator("li button").first() },
  { name: "overview", path: () => ORG, ready: (page) => main(page).locator("dl dd").last() },
  { name: "onboarding", path: () => `${ORG}/onboarding`, ready: (page) => main(page).locator("#step-team") },
  { name: "dashboard", path: () => `${ORG}/dashboard`, ready: (page) => page.getByTestId("metric-messages-in") },
  { name: "conversations", path: () => `${ORG}/conversations`, ready: (page) => main(page).getByText(CUSTOMER.name).first() },
  { name: "thread", path: () => paths.conversation, ready: (page) => page.getByRole("log").getByText(CUSTOMER_TEXT) },
  { name: "agents", path: () => `${ORG}/agents`, ready: (page) => main(page).getByText(AGENT_NAME).first() },
  { name: "agent", path: () => paths.agent, ready: (page) => main(page).locator("dd code") },
  { name: "settings", path: () => `${ORG}/settings`, ready: (page) => main(page).locator("span.font-mono").first() },
  { name: "members", path: () => `${ORG}/settings/members`, ready: (page) => main(page).getByRole("table") },
  { name: "audit", path: () => `${ORG}/settings/audit`, ready: (page) => main(page).locator("h1") },
];

type Row = { page: string; role: Role; locale: Locale; width: number; overflow: number; findings: Finding[] };
const report: Row[] = [];

let e2e: E2E;

/** Olivia creates an agent, the simulator's phone scans it, and a customer writes: every page has data. */
async function seed() {
  const { page: owner, context } = await newPage(e2e);
  await signIn(owner, "Olivia Owner");
  const phone = await context.newPage();
  await connectNewAgent(e2e, owner, phone, AGENT_NAME);
  paths.agent = new URL(owner.url()).pathname;
  await startChat(phone, CUSTOMER);
  await phone.locator("#compose-text").fill(CUSTOMER_TEXT);
  await phone.getByRole("button", { name: "Send" }).click();
  await owner.goto(`${ORG}/conversations`);
  const link = owner.getByRole("link", { name: new RegExp(CUSTOMER.name) });
  await link.waitFor();
  paths.conversation = (await link.getAttribute("href")) ?? "";
  expect(paths.conversation).toContain("/conversations/");
  await context.close();
}

/**
 * Opens a page the way a person would: through a visible link to it when the current page has one
 * (client-side navigation, no reload), otherwise by its address.
 */
async function open(page: Page, target: ProductPage) {
  const path = target.path();
  const link = page.locator(`a[href="${path}"]`).first();
  if (await link.isVisible()) await link.click();
  else await page.goto(path);
  await page.waitForURL((url) => url.pathname === path);
  await target.ready(page).waitFor();
  await page.waitForFunction((selector) => document.querySelector(selector) === null, SPINNER_IN_MAIN);
}

/** Loads each page once and checks it at both widths; returns what failed. */
async function sweep(page: Page, pages: ProductPage[], role: Role, locale: Locale): Promise<string[]> {
  const problems: string[] = [];
  for (const target of pages) {
    await page.setViewportSize(VIEWPORTS[WIDTHS[1]]);
    await open(page, target);
    for (const width of [...WIDTHS].reverse()) {
      await page.setViewportSize(VIEWPORTS[width]);
      const overflow = await horizontalOverflow(page);
      const findings = await seriousViolations(page);
      report.push({ page: target.name, role, locale, width, overflow, findings });
      await snap(page, `a11y-${role}-${locale}-${width}-${target.name}`);
      const where = `${target.name} (${role}, ${locale}, ${width}px)`;
      if (overflow > 0) problems.push(`${where}: ${overflow}px wider than the viewport`);
      for (const finding of findings) problems.push(`${where}: ${finding.impact} ${finding.rule} at ${finding.targets.join(", ")}`);
    }
  }
  return problems;
}

/** On a phone, the header menu and each popover in it (organizations, account) stay on screen. */
async function checkHeaderMenu(page: Page, role: Role, locale: Locale): Promise<string[]> {
  await page.setViewportSize(VIEWPORTS[390]);
  const header = page.locator("header").first();
  await header.locator("button[aria-expanded]").first().click();
  const popovers = header.locator("[id] button[aria-controls]");
  const problems: string[] = [];
  for (let index = 0; index < (await popovers.count()); index++) {
    await popovers.nth(index).click();
    await header.locator("[aria-expanded=true]").nth(1).waitFor();
    const overflow = await horizontalOverflow(page);
    const findings = await seriousViolations(page);
    const name = `header-menu-${index + 1}`;
    report.push({ page: name, role, locale, width: 390, overflow, findings });
    await snap(page, `a11y-${role}-${locale}-390-${name}`);
    if (overflow > 0) problems.push(`${name} (${role}, ${locale}): ${overflow}px wider than the viewport`);
    for (const finding of findings) problems.push(`${name} (${role}, ${locale}): ${finding.impact} ${finding.rule} at ${finding.targets.join(", ")}`);
  }
  return problems;
}

beforeAll(async () => {
  e2e = await startE2E();
  await seed();
}, 180_000);

afterAll(async () => {
  if (report.length > 0) {
    await writeFile(path.join(SCREENSHOT_DIR, "a11y-report.json"), `${JSON.stringify(report, null, 2)}\n`);
  }
  await e2e?.stop();
});

describe("every page at 390 px and 1280 px has no serious accessibility violation and no sideways scroll", () => {
  for (const locale of LOCALES) {
    test(`signed out, ${locale}`, async () => {
      const { page, context } = await newPage(e2e, { locale });
      const problems = await sweep(page, SIGNED_OUT_PAGES, "visitor", locale);
      await context.close();
      expect(problems).toEqual([]);
    });

    for (const [role, name] of [
      ["owner", "Olivia Owner"],
      ["member", "Mia Member"],
    ] as const) {
      test(`as ${role}, ${locale}`, async () => {
        const { page, context } = await newPage(e2e, { locale });
        await signIn(page, name);
        const problems = [
          ...(await sweep(page, SIGNED_IN_PAGES, role, locale)),
          ...(await checkHeaderMenu(page, role, locale)),
        ];
        await context.close();
        expect(problems).toEqual([]);
      }, 150_000);
    }
  }
});
