import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LOCAL_EVOLUTION_API_KEY } from "../../tools/dev/stack";
import { connectNewAgent, newPage, signIn, snap, startE2E, type E2E } from "./harness";

/**
 * An owner renames her organization and then deletes it: the new name shows in the header at once;
 * deleting asks for the name, typed, lands her on the organization picker with a notice, and the
 * WhatsApp gateway (the simulator) sees the connected number logged out and its instance deleted.
 */

const ORG = "/org/org_demo_acme";
const AGENT_NAME = "Vendas Centro";
const NEW_NAME = "Acme Brasil";

let e2e: E2E;
let olivia: Page;
let context: BrowserContext;
let instanceName = "";

beforeAll(async () => {
  e2e = await startE2E();
  ({ context, page: olivia } = await newPage(e2e));
  await olivia.setViewportSize({ width: 1280, height: 900 });
});

afterAll(async () => {
  await e2e?.stop();
});

const gateway = (route: string) =>
  fetch(`${e2e.stack.whatsappUrl}${route}`, { headers: { apikey: LOCAL_EVOLUTION_API_KEY } });

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe("an owner renames and deletes her organization", () => {
  test("Olivia connects a WhatsApp number", async () => {
    await signIn(olivia, "Olivia Owner");
    const phone = await context.newPage();
    instanceName = await connectNewAgent(e2e, olivia, phone, AGENT_NAME);
    await phone.close();
  });

  test("she renames the organization and the header shows the new name", async () => {
    await olivia.goto(`${ORG}/settings`);
    const name = olivia.getByLabel("Organization name");
    await expect(name.inputValue()).resolves.toBe("Acme Vendas");
    await name.fill(NEW_NAME);
    await olivia.getByRole("button", { name: "Save name" }).click();
    await olivia.getByText(`Name saved: ${NEW_NAME}.`).waitFor();
    await olivia.getByRole("banner").getByText(NEW_NAME).waitFor();
    await expect(name.inputValue()).resolves.toBe(NEW_NAME);
    await snap(olivia, "org-lifecycle-01-renamed-en-1280");
  });

  test("the audit log names her as the one who renamed it", async () => {
    await olivia.goto(`${ORG}/settings/audit`);
    const row = olivia.locator("tr", { hasText: "Organization renamed" }).first();
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain("Olivia Owner");
    await snap(olivia, "org-lifecycle-02-audit-renamed-en-1280");
    await olivia.setViewportSize({ width: 390, height: 844 });
    await snap(olivia, "org-lifecycle-02-audit-renamed-en-390");
    await olivia.setViewportSize({ width: 1280, height: 900 });
    await olivia.goto(`${ORG}/settings`);
  });

  test("in Portuguese the audit log reads \"Organização renomeada\", by Olivia", async () => {
    const { context: ptContext, page: pt } = await newPage(e2e, { locale: "pt-BR" });
    await pt.setViewportSize({ width: 390, height: 844 });
    await signIn(pt, "Olivia Owner");
    await pt.goto(`${ORG}/settings/audit`);
    const row = pt.locator("tr", { hasText: "Organização renomeada" }).first();
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain("Olivia Owner");
    await snap(pt, "org-lifecycle-03-audit-renamed-pt-BR-390");
    await pt.setViewportSize({ width: 1280, height: 900 });
    await snap(pt, "org-lifecycle-03-audit-renamed-pt-BR-1280");
    await ptContext.close();
  });

  test("deleting asks for the organization's name, typed", async () => {
    await olivia.getByRole("button", { name: "Delete organization…" }).click();
    const dialog = olivia.getByRole("dialog", { name: `Delete ${NEW_NAME}?` });
    await dialog.waitFor();
    await dialog.getByLabel(`Type ${NEW_NAME} to confirm`).fill("Acme Vendas");
    await expect(dialog.getByRole("button", { name: "Delete forever" }).isDisabled()).resolves.toBe(true);
    await dialog.getByLabel(`Type ${NEW_NAME} to confirm`).fill(NEW_NAME);
    await snap(olivia, "org-lifecycle-02-confirm-en-1280");
    await dialog.getByRole("button", { name: "Delete forever" }).click();

    await olivia.waitForURL(/\/select-org\?notice=organization-deleted$/);
    await olivia.getByText("The organization was deleted.", { exact: false }).waitFor();
    await expect(olivia.getByText(NEW_NAME).count()).resolves.toBe(0);
    await snap(olivia, "org-lifecycle-03-deleted-en-1280");
  });

  test("the gateway logs the number out and deletes its instance", async () => {
    await eventually(async () => (await gateway(`/instance/connectionState/${encodeURIComponent(instanceName)}`)).status === 404, "the instance to be deleted");
    const { deliveries } = (await (await fetch(`${e2e.stack.whatsappUrl}/__sim/${encodeURIComponent(instanceName)}/deliveries`)).json()) as {
      deliveries: Array<{ event: string }>;
    };
    // Opened by the scan, then closed by the logout.
    expect(deliveries.filter((delivery) => delivery.event === "connection.update").length).toBeGreaterThanOrEqual(2);
    expect(deliveries.at(-1)?.event).toBe("connection.update");
  });
});
