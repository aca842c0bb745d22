import { describe, expect, test } from "vitest";
import nextConfig from "../../next.config";

/** Security: every page refuses to be framed and is served with the basic hardening headers. */
describe("security headers", () => {
  test("every path gets frame, referrer, sniffing and CSP headers", async () => {
    const rules = await nextConfig.headers!();
    const everyPath = rules.find((rule) => rule.source === "/:path*");
    const headers = Object.fromEntries((everyPath?.headers ?? []).map((header) => [header.key, header.value]));
    expect(headers).toMatchObject({
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Content-Type-Options": "nosniff",
    });
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
  });
});
