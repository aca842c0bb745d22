import { cronJobs } from "convex/server";
import { internal } from "./_generated/api";

const crons = cronJobs();

crons.daily("prune expired webhook delivery ids", { hourUTC: 4, minuteUTC: 17 }, internal.webhookDeliveries.pruneExpired, {});
crons.daily("prune WhatsApp updates whose message never came", { hourUTC: 4, minuteUTC: 37 }, internal.whatsapp.prunePendingUpdates, {});
crons.daily("prune gateway cleanups of deleted organizations", { hourUTC: 4, minuteUTC: 57 }, internal.gatewayCleanup.pruneFinished, {});

// Replay records live as long as a webhook credential can be accepted (ten minutes or so).
crons.interval("prune expired WhatsApp webhook replay records", { minutes: 15 }, internal.webhookReplays.pruneExpired, {});

// A number the phone unlinked or the gateway forgot is marked disconnected within minutes (convex/agentHealth.ts).
crons.interval("check connected WhatsApp numbers", { minutes: 5 }, internal.agentHealth.sweep, { cursor: null });

export default crons;
