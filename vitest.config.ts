import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "convex",
          environment: "edge-runtime",
          include: ["tests/convex/**/*.test.ts"],
          setupFiles: ["tests/convex/drain.ts"],
          sequence: { hooks: "list" },
          server: { deps: { inline: ["convex-test"] } },
        },
      },
      {
        // `npm run bench`: prints figures (document reads, wall times); never part of `npm test`.
        extends: true,
        test: {
          name: "bench",
          environment: "edge-runtime",
          include: ["tests/bench/**/*.bench.test.ts"],
          server: { deps: { inline: ["convex-test"] } },
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["tests/lib/**/*.test.ts", "tests/app/**/*.test.{ts,tsx}"],
        },
      },
      {
        extends: true,
        test: { name: "sim", environment: "node", include: ["tests/sim/**/*.test.ts", "tests/gateway/**/*.test.ts"] },
      },
      {
        // The engine patches process-wide globals (convex-test), so each file gets its own process.
        extends: true,
        test: {
          name: "contract",
          environment: "node",
          include: ["tests/contract/**/*.test.ts"],
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          pool: "forks",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
