import { describe, expect, test } from "vitest";
import { maskPhones } from "../../lib/phone-masking";
import { errorDetail } from "../../lib/whatsapp/http";

describe("maskPhones masks every way a phone number is written", () => {
  test.each([
    ["+5511988887777", "+55 11 9****-7777"],
    ["+55 11 98888-7777", "+55 11 9****-7777"],
    ["+55 (11) 98888-7777", "+55 11 9****-7777"],
    ["(11) 98888-7777", "+55 11 9****-7777"],
    ["11 98888-7777", "+55 11 9****-7777"],
    ["11 3333-4444", "+55 11 3****-4444"],
    ["5511988887777", "+55 11 9****-7777"],
    ["11988887777", "+55 11 9****-7777"],
    ["5511988887777@s.whatsapp.net", "+55 11 9****-7777"],
    ["5511988887777:12@s.whatsapp.net", "+55 11 9****-7777"],
    ["5511988887777@c.us", "+55 11 9****-7777"],
  ])("a Brazilian number written %s", (written, masked) => {
    expect(maskPhones(written)).toBe(masked);
  });

  test.each([
    ["+1 415 555 0100", "+1 415 5****-0100"],
    ["+1 (415) 555-0100", "+1 415 5****-0100"],
    ["14155550100", "+1 415 5****-0100"],
    ["+44 7911 123456", "+44 7911 1****-3456"],
    ["+351 912 345 678", "+351 912 3****-5678"],
    ["+49 30 123456", "+49 30 1****-3456"],
    ["447911123456@s.whatsapp.net", "+44 7911 1****-3456"],
  ])("a number from another country written %s", (written, masked) => {
    expect(maskPhones(written)).toBe(masked);
  });

  test("masks numbers inside a sentence and keeps the rest of it", () => {
    expect(maskPhones('Bad Request: {"number":"5511988887777","exists":false} — ligue (21) 3333-4444.')).toBe(
      'Bad Request: {"number":"+55 11 9****-7777","exists":false} — ligue +55 21 3****-4444.',
    );
  });

  test("masks a number after a label with a colon", () => {
    expect(maskPhones("phone:5511988887777")).toBe("phone:+55 11 9****-7777");
  });
});

describe("maskPhones leaves what is not a phone number alone", () => {
  test.each([
    ["a date", "Entrega em 02/12/2026 às 10:30"],
    ["an ISO date", "2026-12-02T19:28:30.123Z"],
    ["a price in reais", "Total: R$ 1.234.567,89"],
    ["a price in dollars", "Total: $1,234,567.89"],
    ["an order number shorter than a phone", "Pedido #12345678 confirmado"],
    ["an order number with letters", "order ABC-20261202-0042"],
    ["a short code", "Código 123456"],
    ["a LID, which is not a phone number", "123456789012345@lid"],
    ["a decimal", "3.14159265358979"],
  ])("%s", (_what, text) => {
    expect(maskPhones(text)).toBe(text);
  });
});

describe("gateway error texts", () => {
  test("mask a formatted number the gateway quotes", () => {
    const json = { status: 400, error: "Bad Request", response: { message: ["+55 (11) 98888-7777 is not on WhatsApp"] } };
    expect(errorDetail(json)).toBe("+55 11 9****-7777 is not on WhatsApp");
  });

  test("mask a JID the gateway quotes", () => {
    const json = { response: { message: ["jid 5511988887777@s.whatsapp.net not found"] } };
    expect(errorDetail(json)).toBe("jid +55 11 9****-7777 not found");
  });
});
