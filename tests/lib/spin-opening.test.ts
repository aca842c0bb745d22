import { describe, expect, test } from "vitest";
import { decideBurst, defaultKnowledge, type ChatTurn, type OpeningHours } from "../../lib/spin";

const week = { pt: "Segunda a sexta, 09:00–18:00; sábado e domingo, fechado.", en: "Monday to Friday, 09:00–18:00; closed Saturday and Sunday." };
const closedNow = (notify = true): OpeningHours => ({ week, closed: { reopens: { pt: "segunda às 09:00", en: "Monday at 9:00 AM" }, notify } });
const openNow: OpeningHours = { week, closed: null };

const knowledge = { ...defaultKnowledge("pt"), productName: "ZapCRM" };

function burst(text: string, opening: OpeningHours | undefined, history: ChatTurn[] = [], overrides: Partial<Parameters<typeof decideBurst>[0]> = {}) {
  return decideBurst(
    { history, incoming: [{ text }], stage: "situation", handedOff: false, optedOut: false, knowledge, opening, ...overrides },
    { handOffAudio: false },
  );
}

describe("outside business hours", () => {
  test("the first reply says the team is closed and when it is back, after the introduction, and still asks a question", async () => {
    const decision = await burst("oi, quero saber do sistema", closedNow());
    expect(decision.reply).toMatch(/^Oi! Aqui é a Ana\. Estamos fora do horário de atendimento agora\. Voltamos segunda às 09:00\. /);
    expect(decision.reply).toMatch(/\?$/);
    expect(decision.questionStage).not.toBeNull();
    expect(decision.closedNotice).toBe(true);
  });

  test("speaks the customer's language", async () => {
    const decision = await burst("hi, how does your product work for a small shop?", closedNow());
    expect(decision.reply).toContain("We're outside business hours right now. We're back Monday at 9:00 AM.");
  });

  test("says it only once per closed period: a conversation already told gets the plain reply", async () => {
    const history: ChatTurn[] = [
      { author: "customer", text: "oi" },
      { author: "bot", text: "Oi! Aqui é a Ana. Estamos fora do horário de atendimento agora. Voltamos segunda às 09:00. Me conta: como funciona hoje o seu atendimento aos clientes?", questionStage: "situation" },
    ];
    const decision = await burst("a gente atende pelo whatsapp mesmo", closedNow(false), history);
    expect(decision.reply).not.toContain("fora do horário");
    expect(decision.closedNotice).toBe(false);
  });

  test("a handoff request says a person answers when the team is back", async () => {
    const decision = await burst("quero falar com um atendente", closedNow(false));
    expect(decision.handoff).toBe(true);
    expect(decision.reply).toMatch(/Uma pessoa da nossa equipe .* a equipe te responde segunda às 09:00\.$/);
  });

  test("an opt-out gets its plain confirmation, no hours", async () => {
    const decision = await burst("pare de me mandar mensagem", closedNow());
    expect(decision.optOut).toBe(true);
    expect(decision.reply).not.toContain("horário");
  });

  test("nothing changes while the team is open or when the org set no hours", async () => {
    for (const opening of [openNow, undefined]) {
      const decision = await burst("oi, quero saber do sistema", opening);
      expect(decision.reply).not.toContain("fora do horário");
      expect(decision.closedNotice).toBe(false);
    }
  });
});

describe("the hours question", () => {
  test("is answered from the org's week when the agent wrote no hours", async () => {
    const decision = await burst("qual o horário de vocês?", openNow, [{ author: "customer", text: "oi" }, { author: "bot", text: "Oi! Aqui é a Ana." }]);
    expect(decision.reply).toContain(week.pt);
  });

  test("keeps the agent's own hours text when it has one", async () => {
    const decision = await decideBurst(
      {
        history: [],
        incoming: [{ text: "qual o horário de vocês?" }],
        stage: "situation",
        handedOff: false,
        optedOut: false,
        knowledge: { ...knowledge, businessHours: "Das 8h às 20h, todos os dias." },
        opening: openNow,
      },
      { handOffAudio: false },
    );
    expect(decision.reply).toContain("Das 8h às 20h, todos os dias.");
    expect(decision.reply).not.toContain(week.pt);
  });
});
