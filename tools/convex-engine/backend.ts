/**
 * The app's functions running in convex-test: resolves a path the way the real backend does
 * (public vs internal, query vs mutation vs action), runs it as a given identity and turns the
 * result or the thrown error into what the clients expect on the wire.
 *
 * PIN convex 1.48.0 / convex-test 0.0.60: registered functions carry `isQuery|isMutation|isAction`
 * and `isPublic` (server/impl/registration_impl.js), and convex-test rethrows a ConvexError with its
 * `data` already decoded (`deserializeConvexErrorData`).
 */
import { convexTest } from "convex-test";
import { makeFunctionReference, type GenericMutationCtx, type GenericDataModel, type SchemaDefinition } from "convex/server";
import { jsonToConvex, type JSONValue } from "convex/values";
import type { Identity } from "./identity";
import { captureInternals, onTopLevelCommit, type ConvexTestInternals } from "./internals";
import { installJournalSyscalls, runWithJournal, type JournalSlot } from "./journal";
import type { AppModules } from "./modules";
import { canonicalizeUdfPath, toWire, type FunctionKind, type Outcome } from "./wire";

type Registered = { isQuery?: boolean; isMutation?: boolean; isAction?: boolean; isPublic?: boolean };
type FunctionCaller = (reference: unknown, args: Record<string, unknown>) => Promise<unknown>;

/** The part of convex-test's accessor the engine uses, typed without the app's data model. */
export type Accessor = {
  query: FunctionCaller;
  mutation: FunctionCaller;
  action: FunctionCaller;
  run<T>(handler: (ctx: GenericMutationCtx<GenericDataModel>) => Promise<T>): Promise<T>;
  fetch(pathWithQuery: string, init?: RequestInit): Promise<Response>;
  withIdentity(identity: Record<string, unknown>): Accessor;
  finishInProgressScheduledFunctions(): Promise<void>;
};

export type CallRequest = {
  /** "any" = whatever the function is (`POST /api/function`, crons, scheduled re-arming). */
  kind: FunctionKind | "any";
  udfPath: string;
  /** Wire-encoded args object (convexToJson form). */
  args: unknown;
  identity: Identity | null;
  journal?: JournalSlot;
  /** Crons and other engine-internal callers may run internal functions; clients may not. */
  allowInternal?: boolean;
};

const KIND_NAMES: Record<FunctionKind, string> = { query: "Query", mutation: "Mutation", action: "Action" };

function kindOf(fn: Registered): FunctionKind | null {
  if (fn.isQuery) return "query";
  if (fn.isMutation) return "mutation";
  if (fn.isAction) return "action";
  return null;
}

function isConvexError(error: unknown): error is Error & { data: unknown } {
  return typeof error === "object" && error !== null && Symbol.for("ConvexError") in error;
}

export function failure(errorMessage: string): Outcome {
  return { ok: false, errorMessage, logLines: [] };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof ArrayBuffer);
}

export class Backend {
  private constructor(
    readonly t: Accessor,
    readonly internals: ConvexTestInternals,
    private readonly modules: AppModules,
    private readonly log: (line: string) => void,
  ) {}

  static async create(modules: AppModules, log: (line: string) => void): Promise<Backend> {
    const schemaModule = await modules.load("schema");
    const schema = schemaModule?.default as SchemaDefinition<never, boolean> | undefined;
    const t = convexTest(schema, modules.map) as unknown as Accessor;
    installJournalSyscalls();
    return new Backend(t, await captureInternals(t), modules, log);
  }

  /** The latest commit timestamp (ns); the sync protocol's `ts`. */
  ts(): bigint {
    return this.internals.transactionManager._lastCommitTs;
  }

  onCommit(listener: (commitTs: bigint) => void): void {
    onTopLevelCommit(this.internals, listener);
  }

  accessor(identity: Identity | null): Accessor {
    return identity === null ? this.t : this.t.withIdentity(identity);
  }

  /** The function's kind, or the message a client gets for a path it may not call this way. */
  async resolve(udfPath: string, wanted: FunctionKind | "any", allowInternal = false): Promise<FunctionKind | string> {
    const [modulePath, exportName] = udfPath.split(":");
    const notFound = `Could not find public function for '${udfPath}'. Did you forget to run \`npx convex dev\` or \`npx convex deploy\`?`;
    const namespace = await this.modules.load(modulePath);
    const fn = namespace?.[exportName] as Registered | undefined;
    const actual = fn ? kindOf(fn) : null;
    if (!fn || actual === null) return notFound;
    if (!fn.isPublic && !allowInternal) {
      return `Could not find public function for '${udfPath}': it is internal, callable only from other Convex functions.`;
    }
    if (wanted !== "any" && wanted !== actual) {
      return `Trying to execute ${udfPath} as ${KIND_NAMES[wanted]}, but it is defined as ${KIND_NAMES[actual]}.`;
    }
    return actual;
  }

  async call(request: CallRequest): Promise<Outcome> {
    const udfPath = canonicalizeUdfPath(request.udfPath);
    let kind: FunctionKind | string;
    let args: unknown;
    try {
      kind = await this.resolve(udfPath, request.kind, request.allowInternal);
      args = jsonToConvex((request.args ?? {}) as JSONValue);
    } catch (error) {
      return failure(`Could not load or decode ${udfPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (kind !== "query" && kind !== "mutation" && kind !== "action") return failure(kind);
    if (!isPlainObject(args)) return failure(`The arguments to ${udfPath} must be an object.`);
    const accessor = this.accessor(request.identity);
    const reference = makeFunctionReference(udfPath);
    const run = () => accessor[kind](reference, args);
    try {
      const value: unknown = request.journal ? await runWithJournal(request.journal, run) : await run();
      return { ok: true, value: toWire(value), logLines: [] };
    } catch (error) {
      return this.toFailure(udfPath, error);
    }
  }

  private toFailure(udfPath: string, error: unknown): Outcome {
    if (isConvexError(error)) {
      return { ok: false, errorMessage: `Uncaught ConvexError: ${error.message}`, errorData: toWire(error.data), logLines: [] };
    }
    const thrown = error instanceof Error ? error : new Error(String(error));
    this.log(`${udfPath} failed: ${thrown.stack ?? thrown.message}`);
    return failure(`Uncaught ${thrown.name}: ${thrown.message}`);
  }
}
