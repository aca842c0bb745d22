/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";
import type * as clerk from "../clerk.js";
import type * as crons from "../crons.js";
import type * as guard from "../guard.js";
import type * as http from "../http.js";
import type * as lib_errors from "../lib/errors.js";
import type * as lib_functions from "../lib/functions.js";
import type * as lib_http from "../lib/http.js";
import type * as lib_rls from "../lib/rls.js";
import type * as model_audit from "../model/audit.js";
import type * as model_clerkSync from "../model/clerkSync.js";
import type * as model_directory from "../model/directory.js";
import type * as model_tenantRows from "../model/tenantRows.js";
import type * as organizations from "../organizations.js";
import type * as purge from "../purge.js";
import type * as viewer from "../viewer.js";
import type * as webhookDeliveries from "../webhookDeliveries.js";

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
declare const fullApi: ApiFromModules<{
  clerk: typeof clerk;
  crons: typeof crons;
  guard: typeof guard;
  http: typeof http;
  "lib/errors": typeof lib_errors;
  "lib/functions": typeof lib_functions;
  "lib/http": typeof lib_http;
  "lib/rls": typeof lib_rls;
  "model/audit": typeof model_audit;
  "model/clerkSync": typeof model_clerkSync;
  "model/directory": typeof model_directory;
  "model/tenantRows": typeof model_tenantRows;
  organizations: typeof organizations;
  purge: typeof purge;
  viewer: typeof viewer;
  webhookDeliveries: typeof webhookDeliveries;
}>;
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;
