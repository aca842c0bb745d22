import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newPage, snap, startE2E, type E2E } from "./harness";

/**
 * The first journey of a person on the local stack: sign in with a demo account, land in an
 * organization, switch to the other one and see only its data, be refused an organization that is
 * not theirs, sign out. Each step leaves a screenshot in test-results/e2e/.
 */

let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E();
  page = (await newPage(e2e)).page;
});

afterAll(async () => {
  await e2e?.stop();
});

const membersTable = () => page.getByRole("table");

async function signInAs(name: string) {
  await page.getByRole("button", { name: new RegExp(`^Sign in as ${name}`) }).click();
}

describe("signing in and moving between organizations", () => {
  test("an org page asks a signed-out visitor to sign in, banner included", async () => {
    await page.goto("/org/org_demo_acme");
    await page.getByRole("heading", { name: "Sign in to SpinDesk" }).waitFor();
    await expect(page.getByText("Local development sign-in.").isVisible()).resolves.toBe(true);
    await snap(page, "01-sign-in");
  });

  test("a demo member lands in the organization she asked for and sees its name and members", async () => {
    await signInAs("Mia Member");
    await page.waitForURL(/\/org\/org_demo_acme$/);
    await page.getByText("3 members").waitFor();
    await expect(page.getByText("Acme Vendas").first().isVisible()).resolves.toBe(true);
    await snap(page, "02-acme-overview");
  });

  test("the member list of Acme shows Acme's people only", async () => {
    await page.getByRole("link", { name: "Members", exact: true }).click();
    await membersTable().getByText("Olivia Owner").waitFor();
    await expect(membersTable().innerText()).resolves.not.toContain("Bruno Souza");
    await snap(page, "03-acme-members");
  });

  test("switching to Bella shows Bella's name and only Bella's members", async () => {
    await page.getByRole("button", { name: "Switch organization" }).click();
    await page.getByRole("button", { name: /Bella Imóveis/ }).click();
    await page.waitForURL(/\/org\/org_demo_bella/);
    await page.goto("/org/org_demo_bella/settings/members");
    await membersTable().getByText("Bruno Souza").waitFor();
    const members = await membersTable().innerText();
    expect(members).toContain("Mia Member");
    expect(members).not.toContain("Olivia Owner");
    expect(members).not.toContain("Adam Admin");
    await snap(page, "04-bella-members");
  });

  test("signing out returns to the sign-in page", async () => {
    await page.getByRole("button", { name: "Account menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to SpinDesk" }).waitFor();
    await page.goto("/org/org_demo_acme");
    await page.getByRole("heading", { name: "Sign in to SpinDesk" }).waitFor();
    await snap(page, "05-signed-out");
  });

  test("an organization the user does not belong to says so, offers only her own organizations and shows none of its data", async () => {
    await signInAs("Adam Admin");
    await page.waitForURL(/\/org\/org_demo_acme/);
    await page.goto("/org/org_demo_bella/settings/members");
    await page.getByRole("heading", { name: "You don't have access to this organization" }).waitFor();
    expect(await page.getByRole("button", { name: "Switch to this organization" }).count()).toBe(0);
    await page.getByRole("link", { name: "Choose an organization" }).waitFor();
    const body = await page.locator("body").innerText();
    expect(body).not.toContain("Bruno Souza");
    expect(body).not.toContain("Bella Imóveis");
    await snap(page, "06-mismatch");
  });
});
