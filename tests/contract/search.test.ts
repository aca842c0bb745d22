import { beforeAll, describe, expect, it } from "vitest";
import type { Id } from "../../convex/_generated/dataModel";
import { Backend } from "../../tools/convex-engine/backend";
import { discoverModules } from "../../tools/convex-engine/modules";
import { APP_CONVEX_DIR } from "./harness";

/**
 * Search-index queries through the engine (tools/convex-engine/search-queries.ts): rows without the
 * search field are left out (as Convex leaves them out of the index) instead of failing the query,
 * other orgs' rows are filtered out, and pages neither repeat nor skip rows.
 */

let backend: Backend;
let orgA: Id<"organizations">;

const search = (query: string, orgId: Id<"organizations">, cursor: string | null = null, numItems = 4) =>
  backend.t.run((ctx) =>
    ctx.db
      .query("messages")
      .withSearchIndex("search_text", (q) => q.search("searchText", query).eq("orgId", orgId))
      .paginate({ numItems, cursor }),
  );

beforeAll(async () => {
  backend = await Backend.create(discoverModules(APP_CONVEX_DIR), () => {});
  orgA = await backend.t.run(async (ctx) => {
    const org = (name: string) => ctx.db.insert("organizations", { externalId: name, name, slug: name, timezone: "America/Sao_Paulo" });
    const [a, b] = [await org("org_a"), await org("org_b")];
    for (const orgId of [a, b]) {
      const agentId = await ctx.db.insert("agents", {
        orgId, name: "Bot", instanceName: `i-${orgId}`, status: "open", webhookSecret: "s", aiEnabled: false, persona: "Ana", product: "CRM",
      });
      const contactId = await ctx.db.insert("contacts", { orgId, agentId, waJid: "5511@s.whatsapp.net" });
      const sessionId = await ctx.db.insert("sessions", {
        orgId, agentId, contactId, stage: "situation", status: "open", botPaused: false, needsAttention: false, pendingReply: false, unreadCount: 0, lastMessageAt: 1,
      });
      const base = { orgId, agentId, sessionId, direction: "in" as const, author: "customer" as const, sentAt: 1, delivery: "delivered" as const };
      // A row stored before search existed: no searchText.
      await ctx.db.insert("messages", { ...base, text: "orçamento antigo" });
      for (let i = 0; i < 11; i++) await ctx.db.insert("messages", { ...base, text: `Orçamento ${i}`, searchText: `orcamento ${i}` });
    }
    return a;
  });
  // Seeded outside a served call: index the committed rows as the engine does at start-up.
  backend.store.rebuild();
});

describe("search queries on the engine", () => {
  it("finds matching rows of one org, by word prefix, skipping rows without the search field", async () => {
    const { page } = await search("orcam", orgA, null, 100);
    expect(page.map((message) => message.text)).toEqual(Array.from({ length: 11 }, (_, i) => `Orçamento ${10 - i}`));
    expect(page.every((message) => message.orgId === orgA)).toBe(true);
  });

  it("pages through the results newest first without repeating or skipping one", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const result = await search("orcamento", orgA, cursor);
      seen.push(...result.page.map((message) => String(message.text)));
      if (result.isDone) break;
      cursor = result.continueCursor;
    }
    expect(seen).toEqual(Array.from({ length: 11 }, (_, i) => `Orçamento ${10 - i}`));
  });

  it("answers a query that matches nothing with an empty page", async () => {
    expect((await search("inexistente", orgA)).page).toEqual([]);
  });
});
