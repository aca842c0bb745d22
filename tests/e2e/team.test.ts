import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newPage, signIn, snap, startE2E, type E2E } from "./harness";

/**
 * An owner manages her team on the local stack: she invites Carla, who accepts on the sign-in
 * screen and lands in the organization; the owner sees her arrive live, changes Adam's role, is
 * told why she cannot demote herself, and removes Carla. Changes reach Convex through the same
 * Clerk-shaped webhooks Clerk would send; nothing is reloaded by hand.
 */

const MEMBERS = "/org/org_demo_acme/settings/members";
const CARLA = "carla@acme.example";

let e2e: E2E;
let olivia: Page;
let carla: Page;
let carlaContext: BrowserContext;

beforeAll(async () => {
  e2e = await startE2E();
  olivia = (await newPage(e2e)).page;
  await olivia.setViewportSize({ width: 1280, height: 900 });
  ({ context: carlaContext, page: carla } = await newPage(e2e, { locale: "pt-BR" }));
  await carla.setViewportSize({ width: 390, height: 844 });
});

afterAll(async () => {
  await e2e?.stop();
});

const membersTable = (page: Page, name = "Members of this organization") => page.getByRole("table", { name });
const invitationsTable = () => olivia.getByRole("table", { name: "Invitations waiting to be accepted" });

describe("an owner manages her team", () => {
  test("Olivia invites Carla as a member and sees the pending invitation", async () => {
    await signIn(olivia, "Olivia Owner");
    await olivia.goto(MEMBERS);
    await olivia.getByLabel("Email").fill(CARLA);
    await olivia.getByLabel("Role", { exact: true }).selectOption("member");
    await olivia.getByRole("button", { name: "Invite", exact: true }).click();
    await olivia.getByText(`Invitation sent to ${CARLA}.`).waitFor();
    await invitationsTable().getByText(CARLA).waitFor();
    await snap(olivia, "team-01-invited-en-1280");
  });

  test("Carla accepts on the sign-in screen and lands in Acme", async () => {
    await carla.goto("/sign-in");
    const name = carla.getByLabel("Seu nome");
    await expect(name.inputValue()).resolves.toBe("Carla");
    await name.fill("Carla Dias");
    await snap(carla, "team-02-accept-pt-BR-390");
    await carla.getByRole("button", { name: `Aceitar o convite para Acme Vendas como ${CARLA}` }).click();
    await carla.waitForURL(/\/org\/org_demo_acme/);
    await carla.goto(MEMBERS);
    await membersTable(carla, "Membros desta organização").getByText("Carla Dias").waitFor();
    // A member sees the list only: no invite form, no role selects.
    await expect(carla.getByRole("button", { name: "Convidar" }).count()).resolves.toBe(0);
    await expect(carla.getByRole("combobox").count()).resolves.toBe(0);
    await snap(carla, "team-03-member-view-pt-BR-390");
  });

  test("Olivia sees Carla in the members list without reloading, and the invitation is gone", async () => {
    await membersTable(olivia).getByText("Carla Dias").waitFor();
    await olivia.getByText("No pending invitations").waitFor();
  });

  test("Olivia makes Adam a member", async () => {
    await olivia.getByLabel("Role of Adam Admin").selectOption("member");
    await olivia.getByText("Adam Admin's role is now member.").waitFor();
    await expect(olivia.getByLabel("Role of Adam Admin").inputValue()).resolves.toBe("member");
  });

  test("Olivia cannot demote herself: the control says she is the last owner", async () => {
    const own = olivia.getByLabel("Role of Olivia Owner");
    await expect(own.isDisabled()).resolves.toBe(true);
    await expect(olivia.getByText("The organization needs at least one owner.").first().isVisible()).resolves.toBe(true);
    await expect(olivia.getByRole("button", { name: "Remove Olivia Owner from the team" }).isDisabled()).resolves.toBe(true);
    await snap(olivia, "team-04-roles-en-1280");
  });

  test("Olivia removes Carla after confirming, and Carla leaves the list live", async () => {
    await olivia.getByRole("button", { name: "Remove Carla Dias from the team" }).click();
    const dialog = olivia.getByRole("dialog", { name: "Remove Carla Dias from the team?" });
    await dialog.waitFor();
    await snap(olivia, "team-05-remove-confirm-en-1280");
    await dialog.getByRole("button", { name: "Remove from team" }).click();
    await olivia.getByText("Carla Dias was removed from the team.").waitFor();
    await expect(membersTable(olivia).getByText("Carla Dias").count()).resolves.toBe(0);
  });

  test("the page reads well at 390 px in English and at both widths in Portuguese", async () => {
    await olivia.setViewportSize({ width: 390, height: 844 });
    await snap(olivia, "team-06-owner-en-390");
    const { page: pt } = await newPage(e2e, { locale: "pt-BR" });
    await pt.setViewportSize({ width: 1280, height: 900 });
    await signIn(pt, "Olivia Owner");
    await pt.goto(MEMBERS);
    await pt.getByRole("heading", { name: "Convidar para a equipe" }).waitFor();
    await membersTable(pt, "Membros desta organização").getByText("Adam Admin").waitFor();
    await snap(pt, "team-07-owner-pt-BR-1280");
    await pt.setViewportSize({ width: 390, height: 844 });
    await snap(pt, "team-08-owner-pt-BR-390");
    await carlaContext.close();
  });

  test("the audit log names Olivia as the one who made each team change", async () => {
    await olivia.goto("/org/org_demo_acme/settings/audit");
    for (const action of ["Teammate invited", "Member's role changed", "Member removed from the team"]) {
      const row = olivia.locator("tr", { hasText: action });
      await row.first().waitFor();
      await expect(row.first().innerText()).resolves.toContain("Olivia Owner");
    }
    await expect(olivia.locator("tr", { hasText: "Teammate invited" }).first().innerText()).resolves.toContain(CARLA);
  });
});
