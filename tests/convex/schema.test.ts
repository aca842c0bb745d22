import { describe, expect, test } from "vitest";
import { orgRules } from "../../convex/lib/rls";
import { TENANT_TABLES } from "../../convex/model/tenantRows";
import schema from "../../convex/schema";

const tables = Object.entries(schema.tables);
const fieldsOf = (table: (typeof tables)[number][1]) => Object.keys((table.validator as { fields: Record<string, unknown> }).fields);
const orgOwnedTables = tables.filter(([, table]) => fieldsOf(table).includes("orgId")).map(([name]) => name);

describe("tenant tables", () => {
  test("every table with an orgId is purged with its organization", () => {
    expect([...TENANT_TABLES].sort()).toEqual([...orgOwnedTables].sort());
  });

  test("every table with an orgId has a row-level security rule", () => {
    const rules = orgRules({ rawDb: {} as never, org: {} as never, viewerUserId: null });
    for (const table of orgOwnedTables) expect(rules, table).toHaveProperty(table);
  });

  test("only the identity, webhook and gateway cleanup tables carry no orgId", () => {
    const global = tables.map(([name]) => name).filter((name) => !orgOwnedTables.includes(name));
    // gatewayCleanups must outlive the purge of the org it came from (convex/gatewayCleanup.ts).
    expect(global.sort()).toEqual([
      "gatewayCleanups",
      "organizations",
      "rateLimits",
      "users",
      "webhookCredentialBodies",
      "webhookCredentials",
      "webhookDeliveries",
    ]);
  });

  test("every index of a tenant table starts with orgId, except the webhook lookups, the daily prune's and the upload claim's", () => {
    for (const [name, table] of tables.filter(([name]) => orgOwnedTables.includes(name))) {
      for (const index of table[" indexes"]()) {
        if (name === "messages" && index.indexDescriptor === "by_agent_and_externalId") continue;
        if (name === "agents" && index.indexDescriptor === "by_instanceName") continue;
        if (name === "memberships" && index.indexDescriptor === "by_user") continue;
        // Internal only: the daily prune of updates whose message never came, across orgs.
        if (name === "pendingMessageUpdates" && index.indexDescriptor === "by_receivedAt") continue;
        // Whether a file is claimed by any org yet (media.claimUpload), before it is claimed.
        if (name === "uploads" && index.indexDescriptor === "by_storageId") continue;
        expect(index.fields[0], `${name}.${index.indexDescriptor}`).toBe("orgId");
      }
    }
  });
});
