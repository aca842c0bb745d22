/// <reference types="vite/client" />
import { convexTest } from "convex-test";
import schema from "../../convex/schema";

/** Every module under convex/, as Convex would deploy it. */
export const modules = import.meta.glob("../../convex/**/*.ts");

type Options = Pick<Exclude<Parameters<typeof convexTest>[0], undefined>, "transactionLimits">;

const created: ReturnType<typeof convexTest>[] = [];

export function newTest(extraModules: Record<string, () => Promise<unknown>> = {}, options: Options = {}) {
  const t = convexTest({ schema, modules: { ...modules, ...extraModules }, ...options });
  created.push(t);
  return t;
}

/** The convex-test handles made since the last call (drained after each test by drain.ts). */
export function takeCreatedTests() {
  return created.splice(0, created.length);
}

export type TestConvex = ReturnType<typeof newTest>;

/** The convex-test handle as a signed-in (or anonymous) caller sees it. */
export type TestCaller = ReturnType<TestConvex["withIdentity"]>;
