import { v } from "convex/values";
import { currentMemberX, internalQuery, loadLiveOrgX } from "./lib/functions";

/**
 * Global: step 4 of the guard for org actions (no db of their own), by the auth provider's org id;
 * the caller must not be a deleted user or a removed member, nor hold another issuer's token.
 */
export const liveOrgByExternalId = internalQuery({
  args: { externalId: v.string(), subject: v.string(), issuer: v.string() },
  handler: async (ctx, { externalId, subject, issuer }) => {
    const org = await loadLiveOrgX(ctx.db, externalId, issuer);
    await currentMemberX(ctx.db, org, subject);
    return org;
  },
});
