import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalOrgMutation } from "./lib/functions";
import { foldStep } from "./model/contactMerge";

/**
 * One person, two contacts (their LID and phone JID learned apart): the newer contact's conversations
 * are folded into the older one's, a batch per run, until one contact and one session are left.
 */
export const fold = internalOrgMutation({
  args: { keepId: v.id("contacts"), dropId: v.id("contacts") },
  returns: v.null(),
  handler: async (ctx, args) => {
    const more = await foldStep(ctx.db, args);
    if (more) await ctx.scheduler.runAfter(0, internal.contactMerge.fold, { orgId: ctx.org._id, ...args });
    return null;
  },
});
