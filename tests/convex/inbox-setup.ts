import type { Id } from "../../convex/_generated/dataModel";
import { deliverWhatsApp, seedWebhookAgents, upsert } from "../fixtures/evolution";
import { identity } from "../fixtures/identities";
import { insertUser } from "../fixtures/rows";
import { newTest, type TestConvex } from "./setup";

/** Olivia (admin), Adam and Mia (members) sell for org A; Bob belongs to org B. */
export const olivia = identity({ userId: "user_olivia", orgId: "org_a", role: "org:admin" });
export const adam = identity({ userId: "user_adam", orgId: "org_a" });
export const mia = identity({ userId: "user_mia", orgId: "org_a" });

export type Team = Awaited<ReturnType<typeof seedTeam>>;

/** Org A's team and WhatsApp agent (AI off: every customer message waits for a person), org B with Bob. */
export async function seedTeam() {
  const t = newTest();
  const { orgA, orgB, agentA, agentB } = await seedWebhookAgents(t);
  const users = await t.run(async (ctx) => {
    const member = async (externalId: string, orgId: Id<"organizations">, role: "admin" | "member") => {
      const userId = await insertUser(ctx, externalId);
      await ctx.db.insert("memberships", { orgId, userId, role });
      return userId;
    };
    return {
      oliviaId: await member("user_olivia", orgA, "admin"),
      adamId: await member("user_adam", orgA, "member"),
      miaId: await member("user_mia", orgA, "member"),
      bobId: await member("user_bob", orgB, "member"),
    };
  });
  return { t, orgA, orgB, agentA, agentB, ...users };
}

let customerCounter = 0;

/** A customer's WhatsApp message through the signed webhook, as Evolution delivers it. */
export async function customerWrites(t: TestConvex, phone: string, text = "Olá, quero saber o preço") {
  const timestamp = 1_760_000_000 + ++customerCounter;
  const response = await deliverWhatsApp(t, upsert({ remoteJid: `${phone}@s.whatsapp.net`, text, timestamp }));
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  return t.run(async (ctx) => {
    const contact = (await ctx.db.query("contacts").collect()).find((row) => row.waJid === `${phone}@s.whatsapp.net`)!;
    return (await ctx.db.query("sessions").collect()).find((row) => row.contactId === contact._id)!._id;
  });
}

export const sessionRow = (t: TestConvex, sessionId: Id<"sessions">) => t.run((ctx) => ctx.db.get("sessions", sessionId));

export const auditActions = (t: TestConvex) => t.run(async (ctx) => (await ctx.db.query("auditLog").collect()).map((row) => row.action));
