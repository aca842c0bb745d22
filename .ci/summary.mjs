// Prints the plain closing line CI reads ("N passed, N failed") from vitest JSON reports.
// A failed non-test step (lint, build, ...) counts as one more failure, so it can never read green.
import { existsSync, readFileSync } from "node:fs";

const args = process.argv.slice(2);
const failedStepAt = args.indexOf("--failed-step");
const failedStep = failedStepAt >= 0 ? args[failedStepAt + 1] : null;
const reports = args.filter((arg, i) => !arg.startsWith("--") && (failedStepAt < 0 || i !== failedStepAt + 1));

let passed = 0;
let failed = 0;
for (const report of reports) {
  if (!existsSync(report)) {
    console.log(`missing test report: ${report}`);
    failed += 1;
    continue;
  }
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed += json.numPassedTests ?? 0;
  failed += (json.numFailedTests ?? 0) + (json.numTotalTests === 0 ? 1 : 0);
}
if (failedStep) {
  console.log(`step failed: ${failedStep}`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
