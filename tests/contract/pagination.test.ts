import type { ConvexClient } from "convex/browser";
import { afterAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { authenticate, connect, newMember, setUpContractEngine } from "./harness";
import { Live } from "./live";

type Entry = { _id: string; action: string; target: { raw: string } };
type Page = { page: Entry[]; isDone: boolean; continueCursor: string };

/** Each change is a new audit entry, newest first: the inserts land inside the first page's range. */
const TIME_ZONES = ["Europe/Lisbon", "Asia/Tokyo", "Europe/Paris", "America/New_York", "Africa/Cairo", "Asia/Kolkata", "Europe/Berlin", "Australia/Sydney"];

const env = setUpContractEngine();
let client: ConvexClient;

afterAll(async () => {
  await client?.close();
});

describe("pagination", () => {
  it("keeps loaded pages stable while entries are inserted: nothing repeated, nothing skipped", async () => {
    const member = newMember("org:admin");
    const orgId = member.org_id;
    client = connect(env.engine.url);
    expect(await authenticate(client, () => env.issuer.sign(member))).toBe(true);
    await client.mutation(api.viewer.provision, {});
    const zones = [...TIME_ZONES];
    let latest = "";
    const change = async () => {
      latest = zones.shift() as string;
      await client.mutation(api.organizations.setTimezone, { orgId, timezone: latest });
    };
    const startsWithLatest = (page: Page) => page.page[0]?.target.raw === `timezone:${latest}`;
    for (let i = 0; i < 4; i++) await change();

    // As usePaginatedQuery does: one subscription per page, each starting at the previous page's cursor.
    const pageArgs = (cursor: string | null) => ({ orgId, paginationOpts: { numItems: 3, cursor, id: 1 } });
    const first = new Live<Page>(client, api.organizations.auditLog, pageArgs(null));
    const firstPage = await first.value();
    await change();
    await first.value(startsWithLatest, "the first page to show the new entry");

    const second = new Live<Page>(client, api.organizations.auditLog, pageArgs(firstPage.continueCursor));
    const secondPage = await second.value();
    await change();
    await change();
    await first.value(startsWithLatest, "the first page to show two more entries");
    const third = secondPage.isDone ? null : new Live<Page>(client, api.organizations.auditLog, pageArgs(secondPage.continueCursor));
    const thirdPage = third === null ? null : await third.value();

    const loaded = [first.latest.value, second.latest.value, thirdPage].flatMap((page) => page?.page ?? []).map((entry) => entry._id);
    const everything = await client.query(api.organizations.auditLog, { orgId, paginationOpts: { numItems: 100, cursor: null } });
    expect(everything.isDone).toBe(true);
    expect(new Set(loaded).size).toBe(loaded.length);
    expect(loaded).toEqual(everything.page.map((entry: Entry) => entry._id));
  });
});
