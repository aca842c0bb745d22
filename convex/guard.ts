import { v } from "convex/values";
import { internalQuery, loadLiveOrgX } from "./lib/functions";

/** Step 4 of the guard for org actions, which have no database of their own. */
export const liveOrgByExternalId = internalQuery({
  args: { externalId: v.string() },
  handler: async (ctx, { externalId }) => loadLiveOrgX(ctx.db, externalId),
});
