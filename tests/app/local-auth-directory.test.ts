import { readFile } from "node:fs/promises";
import path from "node:path";
import { Webhook } from "svix";
import { describe, expect, it, vi } from "vitest";
import { parseClerkEvent } from "@/lib/clerk/events";
import { ClerkDeliveryError, deliverClerkEvents, directoryAsClerkEvents } from "@/lib/auth/local/clerk-events";
import { createOrganization, demoDirectory, listOrgsOf, readDirectory } from "@/lib/auth/local/directory";
import { postOrganization } from "@/app/_lib/auth/local/handlers";
import { slugify } from "@/lib/auth/local/model";
import { answer, postJson, setUpLocalAuthEnvironment, signInAs } from "./local-auth-setup";

const { dataDir } = setUpLocalAuthEnvironment();

const SECRET = "whsec_c3BpbmRlc2stbG9jYWwtYXV0aC10ZXN0LXNlY3JldA==";

type Delivery = { url: string; headers: Record<string, string>; body: string };

/** A fetch that records what it was sent and answers 200 (or `status`). */
function recordingFetch(status = 200) {
  const deliveries: Delivery[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    deliveries.push({ url: String(url), headers: init?.headers as Record<string, string>, body: String(init?.body) });
    return new Response(JSON.stringify({ success: true }), { status });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, deliveries };
}

describe("demoDirectory", () => {
  it("has two organizations, and Mia Member in both", async () => {
    expect(demoDirectory.organizations.map(({ id, name, slug }) => ({ id, name, slug }))).toEqual([
      { id: "org_demo_acme", name: "Acme Vendas", slug: "acme-vendas" },
      { id: "org_demo_bella", name: "Bella Imóveis", slug: "bella-imoveis" },
    ]);
    expect(await listOrgsOf("user_demo_mia")).toEqual([
      { id: "org_demo_acme", name: "Acme Vendas", slug: "acme-vendas", role: "member" },
      { id: "org_demo_bella", name: "Bella Imóveis", slug: "bella-imoveis", role: "member" },
    ]);
  });

  it("gives each organization its owner", async () => {
    expect((await listOrgsOf("user_demo_olivia")).map((org) => [org.id, org.role])).toEqual([["org_demo_acme", "owner"]]);
    expect((await listOrgsOf("user_demo_adam")).map((org) => [org.id, org.role])).toEqual([["org_demo_acme", "admin"]]);
    expect((await listOrgsOf("user_demo_bruno")).map((org) => [org.id, org.role])).toEqual([["org_demo_bella", "owner"]]);
  });
});

describe("createOrganization", () => {
  it("makes the creator its owner and persists it across reads", async () => {
    const { organization, membership } = await createOrganization("user_demo_adam", "  Loja   Ótima ");
    expect(organization).toMatchObject({ name: "Loja Ótima", slug: "loja-otima" });
    expect(organization.id).toMatch(/^org_local_[0-9a-f]{16}$/);
    expect(membership).toMatchObject({ orgId: organization.id, userId: "user_demo_adam", role: "owner" });
    const { id, name, slug } = organization;
    expect(await listOrgsOf("user_demo_adam")).toContainEqual({ id, name, slug, role: "owner" });
    const onDisk = JSON.parse(await readFile(path.join(dataDir(), "directory.json"), "utf8")) as { organizations: unknown[] };
    expect(onDisk.organizations).toEqual([organization]);
  });

  it("keeps slugs unique", async () => {
    const { organization } = await createOrganization("user_demo_mia", "Acme Vendas");
    expect(organization.slug).toBe("acme-vendas-2");
  });

  it("refuses an empty name and an unknown user", async () => {
    await expect(createOrganization("user_demo_mia", "   ")).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(createOrganization("user_nobody", "Nowhere")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await readDirectory()).organizations).toHaveLength(2);
  });

  it("tells Convex the way Clerk would when the webhook is configured", async () => {
    const { fetch, deliveries } = recordingFetch();
    vi.stubGlobal("fetch", fetch);
    vi.stubEnv("CONVEX_SITE_URL", "http://127.0.0.1:3211/");
    vi.stubEnv("CLERK_WEBHOOK_SECRET", SECRET);
    const { organization } = await createOrganization("user_demo_bruno", "Bruno Corretora");
    expect(deliveries.map((d) => d.url)).toEqual(Array(2).fill("http://127.0.0.1:3211/webhooks/clerk"));
    const changes = deliveries.map((d) => {
      new Webhook(SECRET).verify(d.body, d.headers);
      return parseClerkEvent(JSON.parse(d.body));
    });
    expect(changes).toMatchObject([
      { status: "change", change: { kind: "organization.upsert", org: { externalId: organization.id, slug: "bruno-corretora" } } },
      {
        status: "change",
        change: { kind: "membership.upsert", role: "org:owner", user: { externalId: "user_demo_bruno", email: "bruno@bella.example" } },
      },
    ]);
  });

  it("still creates the organization when Convex cannot be reached", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("fetch failed"))));
    vi.stubEnv("CONVEX_SITE_URL", "http://127.0.0.1:1");
    vi.stubEnv("CLERK_WEBHOOK_SECRET", SECRET);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { organization } = await createOrganization("user_demo_mia", "Offline Org");
    expect((await listOrgsOf("user_demo_mia")).map((org) => org.id)).toContain(organization.id);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

describe("POST /organizations", () => {
  it("creates the organization, makes the creator owner and makes it active", async () => {
    const response = await postOrganization(postJson("/organizations", { name: "Nova Loja" }, await signInAs("user_demo_olivia")));
    const { status, body } = await answer(response);
    expect(status).toBe(201);
    const viewer = body.data as { activeOrgId: string; orgs: Array<{ id: string; role: string }> };
    expect(viewer.activeOrgId).toMatch(/^org_local_/);
    expect(viewer.orgs).toContainEqual(expect.objectContaining({ id: viewer.activeOrgId, name: "Nova Loja", role: "owner" }));
  });

  it("answers 400 INVALID_ARGUMENT for a blank name and 401 when signed out", async () => {
    const blank = await postOrganization(postJson("/organizations", { name: " " }, await signInAs("user_demo_olivia")));
    expect((await answer(blank)).body).toMatchObject({ code: "INVALID_ARGUMENT" });
    expect((await postOrganization(postJson("/organizations", { name: "X" }))).status).toBe(401);
  });
});

describe("slugify", () => {
  it("makes URL-safe slugs out of any name", () => {
    expect(slugify("Bella Imóveis")).toBe("bella-imoveis");
    expect(slugify("  São João & Cia.  ")).toBe("sao-joao-cia");
    expect(slugify("!!!")).toBe("org");
  });
});

describe("directoryAsClerkEvents", () => {
  const events = directoryAsClerkEvents(demoDirectory);

  it("yields events parseClerkEvent accepts as changes", () => {
    for (const { payload } of events) expect(parseClerkEvent(payload).status, payload.type).toBe("change");
  });

  it("orders users, then organizations, then memberships, with deterministic ids", () => {
    expect(events.map((e) => e.payload.type)).toEqual([
      ...Array(4).fill("user.created"),
      ...Array(2).fill("organization.created"),
      ...Array(5).fill("organizationMembership.created"),
    ]);
    expect(events.map((e) => e.svixId)).toContain("seed_membership_org_demo_bella_user_demo_mia");
    expect(new Set(events.map((e) => e.svixId)).size).toBe(events.length);
    expect(directoryAsClerkEvents(demoDirectory)).toEqual(events);
  });

  it("carries each role with Clerk's org: prefix", () => {
    const roles = events.flatMap(({ payload }) => {
      const parsed = parseClerkEvent(payload);
      return parsed.status === "change" && parsed.change.kind === "membership.upsert"
        ? [[parsed.change.org.externalId, parsed.change.user.externalId, parsed.change.role]]
        : [];
    });
    expect(roles).toContainEqual(["org_demo_acme", "user_demo_olivia", "org:owner"]);
    expect(roles).toContainEqual(["org_demo_acme", "user_demo_adam", "org:admin"]);
    expect(roles).toContainEqual(["org_demo_bella", "user_demo_mia", "org:member"]);
  });

  it("gives users their name and email", () => {
    const parsed = parseClerkEvent(events[0]?.payload);
    expect(parsed).toMatchObject({
      status: "change",
      change: { kind: "user.upsert", user: { externalId: "user_demo_olivia", name: "Olivia Owner", email: "olivia@acme.example" } },
    });
  });
});

describe("deliverClerkEvents", () => {
  it("POSTs svix-signed events that verify with the secret", async () => {
    const { fetch, deliveries } = recordingFetch();
    const events = directoryAsClerkEvents(demoDirectory);
    await expect(deliverClerkEvents({ siteUrl: "http://127.0.0.1:3211", secret: SECRET, events, fetch })).resolves.toBe(events.length);
    expect(deliveries).toHaveLength(events.length);
    for (const [index, delivery] of deliveries.entries()) {
      expect(delivery.headers["svix-id"]).toBe(events[index]?.svixId);
      expect(() => new Webhook(SECRET).verify(delivery.body, delivery.headers)).not.toThrow();
    }
  });

  it("stops at the first refusal and says which event", async () => {
    const { fetch, deliveries } = recordingFetch(401);
    const events = directoryAsClerkEvents(demoDirectory);
    const delivery = deliverClerkEvents({ siteUrl: "http://127.0.0.1:3211", secret: SECRET, events, fetch });
    await expect(delivery).rejects.toBeInstanceOf(ClerkDeliveryError);
    await expect(delivery).rejects.toMatchObject({ svixId: events[0]?.svixId, status: 401 });
    expect(deliveries).toHaveLength(1);
  });
});
