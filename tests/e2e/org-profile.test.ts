import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newPage, signIn, snap, startE2E, type E2E } from "./harness";

/**
 * The org profile on the local stack: Olivia (owner) opens every weekday with a lunch break and
 * makes English the default bot language; the dashboard then says whether the team is open; Mia
 * (member) reads the same hours on a phone, in Portuguese, without a form.
 */

const ORG = "/org/org_demo_acme";

let e2e: E2E;
let olivia: Page;
let mia: Page;

beforeAll(async () => {
  e2e = await startE2E();
  olivia = (await newPage(e2e)).page;
  await olivia.setViewportSize({ width: 1280, height: 900 });
  mia = (await newPage(e2e, { locale: "pt-BR" })).page;
  await mia.setViewportSize({ width: 390, height: 844 });
});

afterAll(async () => {
  await e2e?.stop();
});

describe("the org profile", () => {
  test("Olivia sets weekday hours with a lunch break, copied from Monday", async () => {
    await signIn(olivia, "Olivia Owner");
    await olivia.goto(`${ORG}/settings`);
    const monday = olivia.getByRole("group", { name: "Monday" });
    await monday.getByRole("checkbox", { name: "Open on Monday" }).check();
    await monday.getByLabel("Monday, interval 1: closes").fill("12:00");
    await olivia.getByRole("button", { name: "Add an interval on Monday" }).click();
    await monday.getByLabel("Monday, interval 2: opens").fill("13:00");
    await monday.getByLabel("Monday, interval 2: closes").fill("18:00");
    await olivia.getByRole("button", { name: "Copy Monday to weekdays" }).click();
    await olivia.getByRole("button", { name: "Save business hours" }).click();
    await olivia.getByText("Business hours saved.").waitFor();
    await expect(olivia.getByLabel("Friday, interval 2: opens").inputValue()).resolves.toBe("13:00");
    await snap(olivia, "org-profile-01-hours-en-1280");
  });

  test("Olivia makes English the language new bots start with", async () => {
    await olivia.getByLabel("New agents' bots answer in").selectOption("en");
    await olivia.getByRole("button", { name: "Save language" }).click();
    await olivia.getByText("Default bot language saved.").waitFor();
  });

  test("the dashboard header says whether the team is open now", async () => {
    await olivia.goto(`${ORG}/dashboard`);
    await olivia.getByText(/^(Open now|Closed · opens .+)$/).waitFor();
  });

  test("Mia, a member, reads the week on her phone without a form", async () => {
    await signIn(mia, "Mia Member");
    await mia.goto(`${ORG}/settings`);
    await mia.getByText("Segunda a sexta, 09:00–12:00 e 13:00–18:00; sábado e domingo, fechado.").waitFor();
    await mia.getByText("Somente titulares e admins podem alterar o horário de atendimento.").waitFor();
    await expect(mia.getByRole("button", { name: "Salvar horário" }).count()).resolves.toBe(0);
    await mia.getByText("Inglês").waitFor();
    await snap(mia, "org-profile-02-member-pt-BR-390");
  });
});
