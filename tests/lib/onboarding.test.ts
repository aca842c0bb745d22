import { describe, expect, it } from "vitest";
import { simulatorPhoneUrl, TEST_CUSTOMER_NUMBER } from "@/lib/onboarding";

describe("simulatorPhoneUrl", () => {
  it("opens the instance's phone page with the test customer and the message typed", () => {
    const url = new URL(simulatorPhoneUrl("http://127.0.0.1:8080", "sd-abc123", { name: "Cliente de teste", text: "Oi! Quanto custa?" }));
    expect(url.origin + url.pathname).toBe("http://127.0.0.1:8080/phone/sd-abc123");
    expect(Object.fromEntries(url.searchParams)).toEqual({ from: TEST_CUSTOMER_NUMBER, name: "Cliente de teste", text: "Oi! Quanto custa?" });
  });

  it("escapes an instance name that is not URL-safe", () => {
    expect(simulatorPhoneUrl("http://sim", "a/b c", { name: "x", text: "y" })).toMatch(/^http:\/\/sim\/phone\/a%2Fb%20c\?/);
  });
});

describe("simulatorPhoneUrl without a customer", () => {
  it("is the number's phone page itself, where its QR is scanned", () => {
    expect(simulatorPhoneUrl("http://127.0.0.1:8080", "sd abc/1")).toBe("http://127.0.0.1:8080/phone/sd%20abc%2F1");
  });
});
