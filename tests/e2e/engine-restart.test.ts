import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { waitForHttp } from "../../tools/dev/ports";
import { connectNewAgent, newPage, signIn, startChat, startE2E, type E2E } from "./harness";

/**
 * The engine dies under an open conversation: SIGKILL, then about 15 s in which it is not back
 * (the supervisor's new process is held stopped before it can listen), then it starts. The page
 * reconnects by itself (the Convex client retries with backoff): a customer message sent afterwards
 * appears live in the thread, and the tab never navigated (no reload loop).
 */

const AGENT_NAME = "Vendas Restart";
const CUSTOMER = { name: "Rita Retorno", number: "5511966665555" };
const BEFORE = "Primeira mensagem, antes da queda";
const AFTER = "Voltei! A mensagem depois da queda chegou?";
const OUTAGE_MS = 15_000;

let e2e: E2E;
let admin: Page;
let phone: Page;

beforeAll(async () => {
  e2e = await startE2E();
  const { context, page } = await newPage(e2e);
  admin = page;
  phone = await context.newPage();
});

afterAll(async () => {
  await e2e?.stop();
});

const engine = () => e2e.stack.processes.find((supervised) => supervised.name === "convex")!;

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function customerSays(text: string) {
  await phone.locator("#compose-text").fill(text);
  await phone.getByRole("button", { name: "Send" }).click();
}

test("a killed engine comes back and the open conversation goes on live, without a reload", { timeout: 90_000 }, async () => {
  await signIn(admin, "Adam Admin");
  await connectNewAgent(e2e, admin, phone, AGENT_NAME);
  await startChat(phone, CUSTOMER);
  await customerSays(BEFORE);
  await admin.getByRole("link", { name: "Conversations", exact: true }).click();
  await admin.getByRole("link", { name: new RegExp(CUSTOMER.name) }).click();
  await admin.getByRole("log").getByText(BEFORE).waitFor();

  const navigations: string[] = [];
  admin.on("framenavigated", (frame) => {
    if (frame === admin.mainFrame()) navigations.push(frame.url());
  });
  const killed = engine().current();
  process.kill(killed.child.pid!, "SIGKILL");
  await killed.exited;
  await until(() => engine().current() !== killed, "the supervisor to restart the engine");
  const restarted = engine().current().child.pid!;
  process.kill(restarted, "SIGSTOP");
  try {
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  } finally {
    process.kill(restarted, "SIGCONT");
  }
  await waitForHttp(`${e2e.stack.convexUrl}/version`, 30_000);

  await customerSays(AFTER);
  // The client's reconnect backoff has grown during the outage (up to ~16 s between attempts).
  await admin.getByRole("log").getByText(AFTER).waitFor({ timeout: 40_000 });
  await expect(admin.getByRole("log").getByText(BEFORE).isVisible()).resolves.toBe(true);
  expect(engine().restarts()).toBe(1);
  expect(navigations).toEqual([]);
});
