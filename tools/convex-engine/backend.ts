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
import { DocumentStore } from "./document-store";
import type { Identity } from "./identity";
import { installIndexedQueries, type QueryableDatabase } from "./indexed-queries";
import { captureInternals, onTopLevelCommit, queueTransactionLock, type Commit, type ConvexTestInternals } from "./internals";
import { installJournalSyscalls, runWithJournal, type JournalSlot } from "./journal";
import type { AppModules } from "./modules";
import { trackReads, type ReadSet } from "./read-sets";
import { runInScope } from "./scope";
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
  /** Filled with the tables the function read (subscriptions). */
  readSet?: ReadSet;
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
  /** Resolves once every commit so far is on disk; answers wait for it (set by the engine). */
  durable: () => Promise<void> = () => Promise.resolve();
  /**
   * `withIdentity` builds a whole accessor (and an unsigned JWT) per call; a connection keeps one
   * identity object until it re-authenticates, so each identity's accessor is made once.
   */
  private readonly accessors = new WeakMap<Identity, Accessor>();

  private constructor(
    readonly t: Accessor,
    readonly internals: ConvexTestInternals,
    readonly store: DocumentStore,
    private readonly modules: AppModules,
    private readonly log: (line: string) => void,
  ) {}

  static async create(modules: AppModules, log: (line: string) => void): Promise<Backend> {
    const schemaModule = await modules.load("schema");
    const schema = schemaModule?.default as SchemaDefinition<never, boolean> | undefined;
    const t = convexTest(schema, modules.map) as unknown as Accessor;
    installJournalSyscalls();
    const internals = await captureInternals(t);
    queueTransactionLock(internals);
    const store = new DocumentStore(internals.db);
    installIndexedQueries(internals.db as unknown as QueryableDatabase, store);
    return new Backend(t, internals, store, modules, log);
  }

  /** The latest commit timestamp (ns); the sync protocol's `ts`. */
  ts(): bigint {
    return this.internals.transactionManager._lastCommitTs;
  }

  /** Runs synchronously inside every top-level commit (see internals.ts). */
  onCommit(listener: (commit: Commit) => void): void {
    onTopLevelCommit(this.internals, listener);
  }

  accessor(identity: Identity | null): Accessor {
    if (identity === null) return this.t;
    let accessor = this.accessors.get(identity);
    if (accessor === undefined) {
      accessor = this.t.withIdentity(identity);
      this.accessors.set(identity, accessor);
    }
    return accessor;
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
    const call = () => accessor[kind](reference, args);
    const { journal, readSet } = request;
    // A subscription run: its read set and journal enter the engine's scope together.
    const run = journal && readSet ? () => runInScope({ journal, readSet }, call) : journal ? () => runWithJournal(journal, call) : readSet ? () => trackReads(readSet, call) : call;
    try {
      const value: unknown = await run();
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
