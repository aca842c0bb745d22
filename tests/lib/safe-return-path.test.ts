import { describe, expect, test } from "vitest";
import { safeReturnPath } from "../../lib/auth/local/model";

/** Security: the sign-in page's `redirect_url` never sends anyone off the site. */
describe("safeReturnPath", () => {
  test.each([
    ["/org/org_demo_acme/dashboard", "/org/org_demo_acme/dashboard"],
    ["/org/x/conversations?agent=a#top", "/org/x/conversations?agent=a#top"],
    ["/select-org", "/select-org"],
  ])("keeps the same-site path %s", (input, expected) => expect(safeReturnPath(input)).toBe(expected));

  test.each([
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash the browser reads as a slash", "/\\evil.example"],
    ["a tab the browser drops", "/\t/evil.example"],
    ["a newline the browser drops", "/\n/evil.example"],
    ["an absolute URL", "https://evil.example/"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a relative path", "org/x"],
    ["an encoded control character kept raw", "/\u0000/evil.example"],
    ["nothing", ""],
  ])("refuses %s", (_name, input) => expect(safeReturnPath(input)).toBeNull());
});
