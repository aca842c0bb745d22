import { describe, expect, test, vi } from "vitest";
import type { Id } from "../../convex/_generated/dataModel";
import type { OpeningInterval, Weekday } from "../../lib/business-hours";
import { botSetup, customerSays, sessions, settle, withBotTestClock } from "../fixtures/bot";
import { stubEvolution } from "../fixtures/conversations";
import type { TestConvex } from "./setup";

/**
 * The bot outside business hours (org profile): it tells the customer once per closed period that
 * the team is closed and when it is back, in the customer's language, and keeps qualifying; a
 * handoff says when a person will answer. Times below are São Paulo's (UTC-3 in 2024).
 */

withBotTestClock();

const WEEKDAYS_9_TO_18: OpeningInterval[] = ([1, 2, 3, 4, 5] as Weekday[]).map((day) => ({ day, opens: "09:00", closes: "18:00" }));
const SATURDAY_NOON = "2024-05-18T15:00:00Z";
const MONDAY_9AM = Date.parse("2024-05-20T12:00:00Z");
const CLOSED_NOTICE = "Estamos fora do horário de atendimento agora. Voltamos segunda às 09:00.";

const sentTexts = (calls: { body: unknown }[]) => calls.map((call) => (call.body as { text: string }).text);

/** Org A's bot, the org open on weekdays 09:00–18:00 (or with no hours set, for null). */
async function orgWithHours(hours: OpeningInterval[] | null = WEEKDAYS_9_TO_18) {
  const scene = await botSetup();
  if (hours !== null) await setHours(scene.t, scene.orgId, hours);
  return scene;
}

async function setHours(t: TestConvex, orgId: Id<"organizations">, hours: OpeningInterval[]) {
  await t.run((ctx) => ctx.db.patch("organizations", orgId, { businessHours: hours }));
}

describe("a customer writing outside business hours", () => {
  test("is told the team is closed and when it is back, and the bot still asks a question", async () => {
    vi.setSystemTime(new Date(SATURDAY_NOON));
    const { t } = await orgWithHours();
    const { calls } = stubEvolution();
    await customerSays(t, "oi, quero saber do sistema de vocês");
    await settle(t);
    const [reply] = sentTexts(calls);
    expect(reply).toContain(CLOSED_NOTICE);
    expect(reply).toMatch(/\?$/);
    expect((await sessions(t))[0].closedNoticeFor).toBe(MONDAY_9AM);
  });

  test("is told only once in the same closed period", async () => {
    vi.setSystemTime(new Date(SATURDAY_NOON));
    const { t } = await orgWithHours();
    const { calls } = stubEvolution();
    await customerSays(t, "oi, quero saber do sistema de vocês");
    await settle(t);
    vi.setSystemTime(new Date("2024-05-19T14:00:00Z")); // Sunday 11:00: still the same closed period
    await customerSays(t, "a gente atende tudo pelo whatsapp hoje, umas 50 conversas por dia");
    await settle(t);
    const texts = sentTexts(calls);
    expect(texts).toHaveLength(2);
    expect(texts[1]).not.toContain("fora do horário");
  });

  test("is told again in the next closed period, with the next opening", async () => {
    vi.setSystemTime(new Date(SATURDAY_NOON));
    const { t } = await orgWithHours();
    const { calls } = stubEvolution();
    await customerSays(t, "oi, quero saber do sistema de vocês");
    await settle(t);
    vi.setSystemTime(new Date("2024-05-20T22:30:00Z")); // Monday 19:30, after closing
    await customerSays(t, "a gente atende tudo pelo whatsapp hoje, umas 50 conversas por dia");
    await settle(t);
    expect(sentTexts(calls)[1]).toContain("Voltamos amanhã às 09:00.");
  });

  test("is answered in English when writing in English", async () => {
    vi.setSystemTime(new Date(SATURDAY_NOON));
    const { t } = await orgWithHours();
    const { calls } = stubEvolution();
    await customerSays(t, "hi, how does your product work for a small shop?");
    await settle(t);
    expect(sentTexts(calls)[0]).toContain("We're outside business hours right now. We're back Monday at 9:00 AM.");
  });

  test("asking for a person is queued and told a person answers when the team is back", async () => {
    vi.setSystemTime(new Date(SATURDAY_NOON));
    const { t } = await orgWithHours();
    const { calls } = stubEvolution();
    await customerSays(t, "quero falar com um atendente");
    await settle(t);
    expect(sentTexts(calls)[0]).toContain("a equipe te responde segunda às 09:00");
    expect((await sessions(t))[0].waitingSince).toEqual(expect.any(Number));
  });
});

describe("no closed notice", () => {
  test("while the team is open", async () => {
    vi.setSystemTime(new Date("2024-05-20T14:00:00Z")); // Monday 11:00
    const { t } = await orgWithHours();
    const { calls } = stubEvolution();
    await customerSays(t, "oi, quero saber do sistema de vocês");
    await settle(t);
    expect(sentTexts(calls)[0]).not.toContain("fora do horário");
    expect((await sessions(t))[0].closedNoticeFor).toBeUndefined();
  });

  test("when the organization never set its hours", async () => {
    vi.setSystemTime(new Date(SATURDAY_NOON));
    const { t } = await orgWithHours(null);
    const { calls } = stubEvolution();
    await customerSays(t, "oi, quero saber do sistema de vocês");
    await settle(t);
    expect(sentTexts(calls)[0]).not.toContain("fora do horário");
  });
});

describe("the hours question", () => {
  test("is answered from the org's hours when the agent wrote none", async () => {
    vi.setSystemTime(new Date("2024-05-20T14:00:00Z"));
    const { t } = await orgWithHours();
    const { calls } = stubEvolution();
    await customerSays(t, "qual o horário de atendimento de vocês?");
    await settle(t);
    expect(sentTexts(calls)[0]).toContain("Segunda a sexta, 09:00–18:00; sábado e domingo, fechado.");
  });
});
