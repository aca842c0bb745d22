import { afterEach, describe, expect, it, vi } from "vitest";
import { clerkOrganizationAdmin, type ClerkOrganizationLifecycleApi } from "@/lib/auth/clerk/organization";

/** A stand-in for `clerkClient().organizations` that records each Backend API call. */
function fakeOrganizations(overrides: Partial<ClerkOrganizationLifecycleApi> = {}) {
  const api: ClerkOrganizationLifecycleApi = {
    getOrganization: vi.fn(async ({ organizationId }) => ({ id: organizationId, name: "Acme Vendas" })),
    updateOrganization: vi.fn(async (organizationId, params) => ({ id: organizationId, name: params.name ?? "" })),
    deleteOrganization: vi.fn(async (organizationId) => ({ object: "organization", id: organizationId, deleted: true })),
    ...overrides,
  };
  return { api, admin: clerkOrganizationAdmin(async () => api) };
}

/** What `@clerk/backend` throws for a Backend API error answer. */
function clerkApiError(status: number, message: string) {
  return Object.assign(new Error(message), { status, errors: [{ message, longMessage: `${message} (long)` }] });
}

describe("clerkOrganizationAdmin", () => {
  it("renames with PATCH /organizations/{id} and the new name only", async () => {
    const { api, admin } = fakeOrganizations();
    await admin.rename("org_1", "Acme Brasil");
    expect(api.updateOrganization).toHaveBeenCalledWith("org_1", { name: "Acme Brasil" });
  });

  it("deletes with DELETE /organizations/{id}", async () => {
    const { api, admin } = fakeOrganizations();
    await admin.remove("org_1");
    expect(api.deleteOrganization).toHaveBeenCalledWith("org_1");
  });

  it("reads the current name", async () => {
    const { api, admin } = fakeOrganizations();
    expect(await admin.nameOf("org_1")).toBe("Acme Vendas");
    expect(api.getOrganization).toHaveBeenCalledWith({ organizationId: "org_1" });
  });

  it("answers no name for an organization Clerk no longer has", async () => {
    const { admin } = fakeOrganizations({ getOrganization: vi.fn(async () => Promise.reject(clerkApiError(404, "not found"))) });
    expect(await admin.nameOf("org_gone")).toBeNull();
  });

  it("translates Clerk's refusals to SpinDesk codes with Clerk's long message", async () => {
    const { admin } = fakeOrganizations({
      updateOrganization: vi.fn(async () => Promise.reject(clerkApiError(422, "name is invalid"))),
      deleteOrganization: vi.fn(async () => Promise.reject(clerkApiError(403, "forbidden"))),
    });
    await expect(admin.rename("org_1", "x")).rejects.toMatchObject({ code: "INVALID_ARGUMENT", message: "name is invalid (long)" });
    await expect(admin.remove("org_1")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("against Clerk's own Backend API client", () => {
  afterEach(() => vi.unstubAllGlobals());

  /** Clerk's SDK over a fake fetch: the requests it sends are what Clerk's servers would get. */
  async function realClient() {
    const requests: Array<{ method: string; url: string; body: unknown }> = [];
    const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const text = await request.text();
      requests.push({ method: request.method, url: request.url, body: text === "" ? null : JSON.parse(text) });
      const id = new URL(request.url).pathname.split("/").pop();
      const organization = { object: "organization", id, name: "Acme Brasil", slug: "acme", created_at: 1, updated_at: 2, members_count: 1 };
      const body = request.method === "DELETE" ? { object: "organization", id, deleted: true } : organization;
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
    });
    vi.stubGlobal("fetch", fetchStub);
    const { createClerkClient } = await import("@clerk/nextjs/server");
    const clerk = createClerkClient({ secretKey: "sk_test_fake", apiUrl: "https://api.clerk.test" });
    return { requests, admin: clerkOrganizationAdmin(async () => clerk.organizations) };
  }

  it("sends PATCH /v1/organizations/{id} with { name } and DELETE /v1/organizations/{id}", async () => {
    const { requests, admin } = await realClient();
    await admin.rename("org_1", "Acme Brasil");
    await admin.remove("org_1");
    expect(requests).toEqual([
      { method: "PATCH", url: "https://api.clerk.test/v1/organizations/org_1", body: { name: "Acme Brasil" } },
      { method: "DELETE", url: "https://api.clerk.test/v1/organizations/org_1", body: null },
    ]);
  });
});
