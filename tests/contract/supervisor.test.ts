import { describe, expect, it } from "vitest";
import { supervise } from "../../tools/dev/supervisor";
import { WAIT_MS } from "./harness";

/** `npm run dev`'s process supervision, on a stand-in child (the real ones take a while to start). */

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("dev supervisor", () => {
  it("restarts a child that was killed, says so in the log, and stops it for good on request", async () => {
    const lines: string[] = [];
    const supervised = supervise({
      name: "sleeper",
      command: process.execPath,
      args: ["-e", "console.log('up'); setInterval(() => {}, 1000)"],
      env: { PATH: process.env.PATH },
      cwd: process.cwd(),
      log: (line) => lines.push(line),
    });
    await until(() => lines.some((line) => line.includes("up")), "the first start");
    const first = supervised.current().child.pid;
    process.kill(first!, "SIGKILL");

    await until(() => supervised.restarts() === 1 && lines.filter((line) => line.includes("up")).length === 2, "the restart");
    expect(supervised.current().child.pid).not.toBe(first);
    expect(lines.find((line) => line.includes("sleeper exited"))).toMatch(/sleeper exited \(SIGKILL\) after [\d.]+ s; restarting in 0\.5 s/);

    await supervised.stop();
    expect(supervised.current().child.signalCode).toBe("SIGTERM");
    expect(supervised.restarts()).toBe(1);
  });
});
