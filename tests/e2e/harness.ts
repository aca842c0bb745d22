import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { startStack, type RunningStack } from "../../tools/dev/stack";

/** Debian's Chromium (apt-get install chromium); Playwright's own browser downloads cannot work offline. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../test-results/e2e");

export type E2E = { stack: RunningStack; browser: Browser; stop(): Promise<void> };

/** The whole product on free ports with a throwaway data directory, and a headless Chromium. */
export async function startE2E(): Promise<E2E> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "spindesk-e2e-"));
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    if (process.env.E2E_VERBOSE) process.stdout.write(`${line}\n`);
  };
  const stack = await startStack({ ports: { web: 0, convex: 0, convexSite: 0, whatsapp: 0 }, dataDir, nextMode: "start", log }).catch(
    (error: unknown) => {
      process.stdout.write(`${lines.slice(-40).join("\n")}\n`);
      throw error;
    },
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    stack,
    browser,
    async stop() {
      await browser.close();
      await stack.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function newPage(e2e: E2E, options: { locale?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({ baseURL: e2e.stack.webUrl, locale: options.locale ?? "en-US" });
  return { context, page: await context.newPage() };
}

/** One screenshot per journey step, named so the files sort in the order they were taken. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The seeded demo organization the signed-in journeys work in. */
export const DEMO_ORG = "/org/org_demo_acme";

/** Signs a demo person in on the local sign-in screen, in English or Portuguese, and waits on the demo org's overview. */
export async function signIn(page: Page, name: string): Promise<void> {
  await page.goto(`/sign-in?redirect_url=${encodeURIComponent(DEMO_ORG)}`);
  await page.getByRole("button", { name: new RegExp(`^(Sign in as|Entrar como) ${name}`) }).click();
  await page.waitForURL((url) => url.pathname === DEMO_ORG);
}

/**
 * Creates an agent from the demo org's agents page (signed in as an owner or admin, in English), opens
 * it and lets the simulator's phone (`phone`, any page) scan its QR code. Resolves with the gateway
 * instance name once the agent page says the number is connected.
 */
export async function connectNewAgent(e2e: E2E, page: Page, phone: Page, name: string): Promise<string> {
  await page.goto(`${DEMO_ORG}/agents`);
  await page.getByRole("button", { name: "New agent" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create agent" }).click();
  await page.getByRole("link", { name: "Open the agent to connect it" }).click();
  await page.getByRole("img", { name: /^QR code to connect/ }).waitFor();
  const instanceName = (await page.locator("dd code").first().innerText()).trim();
  await phone.goto(`${e2e.stack.whatsappUrl}/phone/${encodeURIComponent(instanceName)}`);
  await phone.getByRole("button", { name: "Scan with phone" }).click();
  await page.getByText(/^Connected to \+55/).waitFor();
  return instanceName;
}

/** On the simulator's phone, opens a chat with the connected number as a new customer. */
export async function startChat(phone: Page, customer: { name: string; number: string }): Promise<void> {
  await phone.getByLabel("Name").fill(customer.name);
  await phone.getByLabel("Phone number").fill(customer.number);
  await phone.getByRole("button", { name: "Start chat" }).click();
}
