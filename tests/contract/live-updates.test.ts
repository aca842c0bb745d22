import type { ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { deletedEvent, organizationEvent, T2 } from "../fixtures/clerk";
import { authenticate, connect, deliverClerkEvent, newMember, setUpContractEngine } from "./harness";
import { Live } from "./live";

type AuditPage = { page: { action: string }[] };
type ProbeArgs = { orgExternalId: string; action: string };
const auditFromAction = makeFunctionReference<"action", ProbeArgs, string>("probe:auditFromAction");
const scheduleAudit = makeFunctionReference<"mutation", ProbeArgs & { delayMs: number }, string>("probe:scheduleAudit");
const jobState = makeFunctionReference<"query", { jobId: string }, string | null>("probe:jobState");

const env = setUpContractEngine({ withProbe: true });
const clients: ConvexClient[] = [];

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
});

/** A signed-in admin whose organization exists (provisioned from the token, as the app does). */
async function signedInAdmin(address = env.engine.url) {
  const member = newMember("org:admin");
  const client = connect(address);
  clients.push(client);
  expect(await authenticate(client, () => env.issuer.sign(member))).toBe(true);
  await client.mutation(api.viewer.provision, {});
  return { member, client, orgId: member.org_id };
}

function auditOf(client: ConvexClient, orgId: string) {
  return new Live<AuditPage>(client, api.organizations.auditLog, { orgId, paginationOpts: { numItems: 20, cursor: null } });
}

const hasAction = (action: string) => (page: AuditPage) => page.page.some((entry) => entry.action === action);

describe("live updates", () => {
  it("pushes a mutation's write to a subscription opened before it, without re-subscribing", async () => {
    const { client, orgId } = await signedInAdmin();
    const current = new Live<{ timezone: string }>(client, api.organizations.current, { orgId });
    await current.value((org) => org.timezone === "America/Sao_Paulo", "the default time zone");

    await client.mutation(api.organizations.setTimezone, { orgId, timezone: "Europe/Lisbon" });

    await current.value((org) => org.timezone === "Europe/Lisbon", "the new time zone");
  });

  it("resolves a mutation only once the client holds query results that include its write", async () => {
    const { client, orgId } = await signedInAdmin();
    const current = new Live<{ timezone: string }>(client, api.organizations.current, { orgId });
    await current.value();

    await client.mutation(api.organizations.setTimezone, { orgId, timezone: "Asia/Tokyo" });

    expect(current.latest.value?.timezone).toBe("Asia/Tokyo");
  });

  it("pushes what an http action wrote (a Clerk webhook renaming the org) to another client's subscription", async () => {
    const { client, member, orgId } = await signedInAdmin();
    const current = new Live<{ name: string }>(client, api.organizations.current, { orgId });
    await current.value((org) => org.name === member.org_name, "the name from the token");

    const renamed = organizationEvent("organization.updated", { id: orgId, name: "Renamed by Clerk", slug: member.org_slug, updatedAt: T2 });
    expect((await deliverClerkEvent(env.engine.siteUrl, renamed)).status).toBe(200);

    await current.value((org) => org.name === "Renamed by Clerk", "the name from the webhook");
  });

  it("turns a live subscription into the guard's ConvexError when a webhook deletes the org", async () => {
    const { client, orgId } = await signedInAdmin();
    const members = new Live<unknown[]>(client, api.organizations.members, { orgId });
    await members.value((rows) => rows.length === 1, "the one member");

    expect((await deliverClerkEvent(env.engine.siteUrl, deletedEvent("organization.deleted", orgId))).status).toBe(200);

    const error = await members.error("ORG_NOT_FOUND");
    expect(error.data).toMatchObject({ code: "ORG_NOT_FOUND" });
  });

  it("answers a public action and pushes what its nested mutation wrote", async () => {
    const { client, orgId } = await signedInAdmin();
    const audit = auditOf(client, orgId);
    await audit.value((page) => !hasAction("probe.action")(page), "the audit before the action");

    expect(await client.action(auditFromAction, { orgExternalId: orgId, action: "probe.action" })).toBe("written");

    await audit.value(hasAction("probe.action"), "the entry written by the action");
  });

  it("pushes what a scheduled function wrote when it runs", async () => {
    const { client, orgId } = await signedInAdmin();
    const audit = auditOf(client, orgId);
    await audit.value();

    const jobId = await client.mutation(scheduleAudit, { orgExternalId: orgId, action: "probe.scheduled", delayMs: 0 });

    await audit.value(hasAction("probe.scheduled"), "the entry written by the scheduled function");
    const job = new Live<string | null>(client, jobState, { jobId });
    expect(await job.value((state) => state === "success", "the job's success")).toBe("success");
  });

  it("serves clients whose deployment address ends with a slash (they ask for //api/.../sync)", async () => {
    const { client, orgId } = await signedInAdmin(`${env.engine.url}/`);
    expect(await client.query(api.organizations.current, { orgId })).toMatchObject({ externalId: orgId });
  });
});
