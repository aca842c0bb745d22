import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** One axe finding kept for the report: the rule, how bad, and where. */
export type Finding = { rule: string; impact: string; help: string; targets: string[] };

type AxeNode = { target: unknown[] };
type AxeViolation = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };
type AxeWindow = { axe?: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } };

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | null = null;

/** The axe-core bundle, read once; injected into each page as a script (no @axe-core/playwright needed). */
function loadAxe(): Promise<string> {
  axeSource ??= readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

/**
 * Serious and critical axe violations on the page as it is now. WCAG 2.0–2.2 A/AA and best practices
 * (axe's default set), plus the experimental rule that the accessible name contains the visible label.
 */
export async function seriousViolations(page: Page): Promise<Finding[]> {
  const injected = await page.evaluate(() => "axe" in window);
  if (!injected) await page.addScriptTag({ content: await loadAxe() });
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as AxeWindow;
    if (!axe) throw new Error("axe-core did not load");
    const result = await axe.run(document, {
      resultTypes: ["violations"],
      rules: { "label-content-name-mismatch": { enabled: true } },
    });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? "",
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(" ")),
    }));
}

/** How far the document is wider than the viewport, in CSS pixels (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
