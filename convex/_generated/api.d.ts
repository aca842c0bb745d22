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
import type * as agentGateway from "../agentGateway.js";
import type * as agentHealth from "../agentHealth.js";
import type * as agentPairing from "../agentPairing.js";
import type * as agentRemoval from "../agentRemoval.js";
import type * as agents from "../agents.js";
import type * as bot from "../bot.js";
import type * as clerk from "../clerk.js";
import type * as contactMerge from "../contactMerge.js";
import type * as contacts from "../contacts.js";
import type * as crons from "../crons.js";
import type * as gatewayCleanup from "../gatewayCleanup.js";
import type * as guard from "../guard.js";
import type * as http from "../http.js";
import type * as inbox from "../inbox.js";
import type * as labels from "../labels.js";
import type * as lib_errors from "../lib/errors.js";
import type * as lib_functions from "../lib/functions.js";
import type * as lib_http from "../lib/http.js";
import type * as lib_pagination from "../lib/pagination.js";
import type * as lib_readCache from "../lib/readCache.js";
import type * as lib_rls from "../lib/rls.js";
import type * as lib_triggers from "../lib/triggers.js";
import type * as media from "../media.js";
import type * as messages from "../messages.js";
import type * as metrics from "../metrics.js";
import type * as model_agentRemoval from "../model/agentRemoval.js";
import type * as model_agents from "../model/agents.js";
import type * as model_audit from "../model/audit.js";
import type * as model_auditTargets from "../model/auditTargets.js";
import type * as model_authors from "../model/authors.js";
import type * as model_botLease from "../model/botLease.js";
import type * as model_botOpening from "../model/botOpening.js";
import type * as model_botPlan from "../model/botPlan.js";
import type * as model_botRecord from "../model/botRecord.js";
import type * as model_botRules from "../model/botRules.js";
import type * as model_clerkSync from "../model/clerkSync.js";
import type * as model_contactMerge from "../model/contactMerge.js";
import type * as model_contacts from "../model/contacts.js";
import type * as model_directory from "../model/directory.js";
import type * as model_gateway from "../model/gateway.js";
import type * as model_gatewayCleanup from "../model/gatewayCleanup.js";
import type * as model_inbox from "../model/inbox.js";
import type * as model_inboxCounts from "../model/inboxCounts.js";
import type * as model_inboxViews from "../model/inboxViews.js";
import type * as model_ingest from "../model/ingest.js";
import type * as model_inlineMedia from "../model/inlineMedia.js";
import type * as model_issuer from "../model/issuer.js";
import type * as model_labels from "../model/labels.js";
import type * as model_mediaFiles from "../model/mediaFiles.js";
import type * as model_mentions from "../model/mentions.js";
import type * as model_messageUpdates from "../model/messageUpdates.js";
import type * as model_messages from "../model/messages.js";
import type * as model_metricsViews from "../model/metricsViews.js";
import type * as model_onboarding from "../model/onboarding.js";
import type * as model_orgProfile from "../model/orgProfile.js";
import type * as model_outbound from "../model/outbound.js";
import type * as model_overview from "../model/overview.js";
import type * as model_rateLimits from "../model/rateLimits.js";
import type * as model_readStates from "../model/readStates.js";
import type * as model_rollups from "../model/rollups.js";
import type * as model_routing from "../model/routing.js";
import type * as model_searchText from "../model/searchText.js";
import type * as model_sessions from "../model/sessions.js";
import type * as model_tenantRows from "../model/tenantRows.js";
import type * as model_views from "../model/views.js";
import type * as notes from "../notes.js";
import type * as onboarding from "../onboarding.js";
import type * as organizations from "../organizations.js";
import type * as outbound from "../outbound.js";
import type * as purge from "../purge.js";
import type * as quickReplies from "../quickReplies.js";
import type * as rollups from "../rollups.js";
import type * as routing from "../routing.js";
import type * as search from "../search.js";
import type * as sessions from "../sessions.js";
import type * as triage from "../triage.js";
import type * as viewer from "../viewer.js";
import type * as webhookDeliveries from "../webhookDeliveries.js";
import type * as webhookReplays from "../webhookReplays.js";
import type * as whatsapp from "../whatsapp.js";

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
declare const fullApi: ApiFromModules<{
  agentGateway: typeof agentGateway;
  agentHealth: typeof agentHealth;
  agentPairing: typeof agentPairing;
  agentRemoval: typeof agentRemoval;
  agents: typeof agents;
  bot: typeof bot;
  clerk: typeof clerk;
  contactMerge: typeof contactMerge;
  contacts: typeof contacts;
  crons: typeof crons;
  gatewayCleanup: typeof gatewayCleanup;
  guard: typeof guard;
  http: typeof http;
  inbox: typeof inbox;
  labels: typeof labels;
  "lib/errors": typeof lib_errors;
  "lib/functions": typeof lib_functions;
  "lib/http": typeof lib_http;
  "lib/pagination": typeof lib_pagination;
  "lib/readCache": typeof lib_readCache;
  "lib/rls": typeof lib_rls;
  "lib/triggers": typeof lib_triggers;
  media: typeof media;
  messages: typeof messages;
  metrics: typeof metrics;
  "model/agentRemoval": typeof model_agentRemoval;
  "model/agents": typeof model_agents;
  "model/audit": typeof model_audit;
  "model/auditTargets": typeof model_auditTargets;
  "model/authors": typeof model_authors;
  "model/botLease": typeof model_botLease;
  "model/botOpening": typeof model_botOpening;
  "model/botPlan": typeof model_botPlan;
  "model/botRecord": typeof model_botRecord;
  "model/botRules": typeof model_botRules;
  "model/clerkSync": typeof model_clerkSync;
  "model/contactMerge": typeof model_contactMerge;
  "model/contacts": typeof model_contacts;
  "model/directory": typeof model_directory;
  "model/gateway": typeof model_gateway;
  "model/gatewayCleanup": typeof model_gatewayCleanup;
  "model/inbox": typeof model_inbox;
  "model/inboxCounts": typeof model_inboxCounts;
  "model/inboxViews": typeof model_inboxViews;
  "model/ingest": typeof model_ingest;
  "model/inlineMedia": typeof model_inlineMedia;
  "model/issuer": typeof model_issuer;
  "model/labels": typeof model_labels;
  "model/mediaFiles": typeof model_mediaFiles;
  "model/mentions": typeof model_mentions;
  "model/messageUpdates": typeof model_messageUpdates;
  "model/messages": typeof model_messages;
  "model/metricsViews": typeof model_metricsViews;
  "model/onboarding": typeof model_onboarding;
  "model/orgProfile": typeof model_orgProfile;
  "model/outbound": typeof model_outbound;
  "model/overview": typeof model_overview;
  "model/rateLimits": typeof model_rateLimits;
  "model/readStates": typeof model_readStates;
  "model/rollups": typeof model_rollups;
  "model/routing": typeof model_routing;
  "model/searchText": typeof model_searchText;
  "model/sessions": typeof model_sessions;
  "model/tenantRows": typeof model_tenantRows;
  "model/views": typeof model_views;
  notes: typeof notes;
  onboarding: typeof onboarding;
  organizations: typeof organizations;
  outbound: typeof outbound;
  purge: typeof purge;
  quickReplies: typeof quickReplies;
  rollups: typeof rollups;
  routing: typeof routing;
  search: typeof search;
  sessions: typeof sessions;
  triage: typeof triage;
  viewer: typeof viewer;
  webhookDeliveries: typeof webhookDeliveries;
  webhookReplays: typeof webhookReplays;
  whatsapp: typeof whatsapp;
}>;
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;
