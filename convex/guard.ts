import { v } from "convex/values";
import { internalQuery, loadLiveOrgX } from "./lib/functions";

/** Global: step 4 of the guard for org actions (no db of their own), by the auth provider's org id. */
export const liveOrgByExternalId = internalQuery({
  args: { externalId: v.string() },
  handler: async (ctx, { externalId }) => loadLiveOrgX(ctx.db, externalId),
});
