import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newPage, SCREENSHOT_DIR, signIn, snap, startChat, startE2E, type E2E } from "./harness";

/**
 * The SPIN bot holding a real conversation, in Brazilian Portuguese end to end: an admin gives the
 * bot a persona and a price answer, a customer on the simulator's phone asks the price, describes a
 * problem and its consequence, then asks for a person. The bot answers the price, acknowledges and
 * asks, hands off; the inbox shows the customer waiting for a person; the timeline shows
 * situation → problem → implication with the customer's words.
 */

const ORG = "/org/org_demo_acme";
const AGENT_NAME = "Vendas Campinas";
const PRICE_ANSWER = "O plano Essencial custa R$ 99 por mês, com 7 dias grátis.";
const CUSTOMER = { name: "Renata Loja", number: "5519988885555" };
const SCRIPT = {
  price: "Oi! Quanto custa o sistema?",
  problem: "Hoje uso planilha e perco muito tempo com isso",
  implication: "Se continuar assim vou perder clientes",
  human: "Quero falar com uma pessoa",
};

let e2e: E2E;
let admin: Page;
let phone: Page;
let adminContext: BrowserContext;

beforeAll(async () => {
  e2e = await startE2E();
  ({ context: adminContext, page: admin } = await newPage(e2e, { locale: "pt-BR" }));
});

afterAll(async () => {
  await e2e?.stop();
});

async function phoneSays(text: string, businessMessagesAfter: number) {
  await phone.locator("#compose-text").fill(text);
  await phone.getByRole("button", { name: "Send" }).click();
  await phone.locator(`#messages li.out >> nth=${businessMessagesAfter - 1}`).waitFor();
}

const lastBusinessMessage = () => phone.locator("#messages li.out").last().innerText();

describe("a conversa SPIN em português, do preço à transferência para uma pessoa", () => {
  test("o admin cria o agente com persona, produto e preço, e o conecta pelo QR", async () => {
    await signIn(admin, "Adam Admin");
    await admin.goto(`${ORG}/agents`);
    await admin.getByRole("button", { name: "Novo agente" }).click();
    await admin.getByLabel("Nome", { exact: true }).fill(AGENT_NAME);
    await admin.getByLabel("Persona (opcional)").fill("Sou a Júlia, da Acme");
    await admin.getByLabel("Produto (opcional)").fill("ZapCRM");
    await admin.getByRole("button", { name: "Criar agente" }).click();
    await admin.getByRole("link", { name: "Abrir o agente para conectá-lo" }).click();
    await admin.getByRole("img", { name: `QR code para conectar ${AGENT_NAME} ao WhatsApp` }).waitFor();
    const instanceName = (await admin.locator("dd code").first().innerText()).trim();
    await admin.getByLabel("Resposta sobre preço").fill(PRICE_ANSWER);
    await admin.getByRole("button", { name: "Salvar configurações do bot" }).click();
    await admin.getByText("Configurações do bot salvas.").waitFor();
    phone = await adminContext.newPage();
    await phone.goto(`${e2e.stack.whatsappUrl}/phone/${encodeURIComponent(instanceName)}`);
    await phone.getByRole("button", { name: "Scan with phone" }).click();
    await admin.getByText(/^Conectado a \+55/).waitFor();
    await snap(admin, "40-pt-agent-knowledge");
  });

  test("o cliente pergunta o preço e recebe a resposta que o admin escreveu", async () => {
    await startChat(phone, CUSTOMER);
    await phoneSays(SCRIPT.price, 1);
    expect(await lastBusinessMessage()).toContain("R$ 99");
  });

  test("o cliente conta o problema e a consequência; o bot reconhece o que ele disse e pergunta", async () => {
    await phoneSays(SCRIPT.problem, 2);
    const acknowledged = await lastBusinessMessage();
    expect(acknowledged).toMatch(/\?/);
    await phoneSays(SCRIPT.implication, 3);
    expect(await lastBusinessMessage()).toMatch(/\?/);
    await snap(phone, "41-pt-phone-spin");
  });

  test("o cliente pede uma pessoa: recebe a mensagem de transferência e a conversa aguarda um atendente", async () => {
    await phoneSays(SCRIPT.human, 4);
    expect(await lastBusinessMessage()).not.toMatch(/\?/);
    await admin.getByRole("link", { name: "Conversas", exact: true }).click();
    const row = admin.getByRole("link", { name: new RegExp(CUSTOMER.name) });
    await row.getByText("Aguardando atendente").waitFor();
    await snap(admin, "42-pt-inbox-waiting");
    const conversation = await phone.locator("#messages li").allInnerTexts();
    await writeFile(path.join(SCREENSHOT_DIR, "spin-conversation-pt.txt"), `${conversation.join("\n---\n")}\n`);
  });

  test("a linha do tempo mostra situação → problema → implicação com as palavras do cliente", async () => {
    await admin.getByRole("link", { name: new RegExp(CUSTOMER.name) }).click();
    const timeline = admin.getByRole("list", { name: "Linha do tempo SPIN" });
    await timeline.getByText(/disse: “.*planilha|disse: “.*tempo/).waitFor();
    await timeline.getByText(/disse: “.*perder clientes/).waitFor();
    await expect(timeline.locator("li").count()).resolves.toBe(2);
    await admin.getByText("Aguardando um atendente").first().waitFor();
    await snap(admin, "43-pt-timeline");
  });
});
