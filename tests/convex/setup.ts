/// <reference types="vite/client" />
import { convexTest } from "convex-test";
import schema from "../../convex/schema";

/** Every module under convex/, as Convex would deploy it. */
export const modules = import.meta.glob("../../convex/**/*.ts");

export function newTest(extraModules: Record<string, () => Promise<unknown>> = {}) {
  return convexTest(schema, { ...modules, ...extraModules });
}

export type TestConvex = ReturnType<typeof newTest>;

/** The convex-test handle as a signed-in (or anonymous) caller sees it. */
export type TestCaller = ReturnType<TestConvex["withIdentity"]>;
