import { describe, expect, it, vi } from "vitest";
import type { OrgRole } from "@/lib/auth/claims";
import { confirmsName, deleteOrganizationAs, organizationRefusal, renameOrganizationAs, type OrganizationAdmin } from "@/lib/auth/organization";

/** A provider that records what it was asked to do. */
function fakeAdmin(name: string | null = "Acme Vendas") {
  const admin = {
    nameOf: vi.fn(async () => name),
    rename: vi.fn(async () => undefined),
    remove: vi.fn(async () => undefined),
  } satisfies OrganizationAdmin;
  return admin;
}

const untouched = (admin: ReturnType<typeof fakeAdmin>) => {
  expect(admin.rename).not.toHaveBeenCalled();
  expect(admin.remove).not.toHaveBeenCalled();
};

describe("organizationRefusal", () => {
  it.each<[OrgRole | null, string | null]>([
    ["owner", null],
    ["admin", null],
    ["member", "FORBIDDEN"],
    [null, "FORBIDDEN"],
  ])("lets owners and admins rename (%s → %s)", (role, code) => {
    expect(organizationRefusal(role, { kind: "rename" })?.code ?? null).toBe(code);
  });

  it("lets only owners delete", () => {
    const action = { kind: "delete", typedName: "Acme", currentName: "Acme" } as const;
    expect(organizationRefusal("owner", action)).toBeNull();
    expect(organizationRefusal("admin", action)).toEqual({ code: "FORBIDDEN", reason: "owner_only" });
    expect(organizationRefusal("member", action)).toEqual({ code: "FORBIDDEN", reason: "owner_only" });
  });
});

describe("confirmsName", () => {
  it("accepts the exact name, forgiving surrounding and repeated spaces", () => {
    expect(confirmsName("  Bella   Imóveis ", "Bella Imóveis")).toBe(true);
  });

  it("accepts the same name typed with decomposed accents", () => {
    expect(confirmsName("Bella Imóveis".normalize("NFD"), "Bella Imóveis")).toBe(true);
  });

  it("refuses another case, a prefix and an empty name", () => {
    expect(confirmsName("bella imóveis", "Bella Imóveis")).toBe(false);
    expect(confirmsName("Bella", "Bella Imóveis")).toBe(false);
    expect(confirmsName("", "")).toBe(false);
  });
});

describe("renameOrganizationAs", () => {
  it("asks the provider for the trimmed name and answers it", async () => {
    const admin = fakeAdmin();
    await expect(renameOrganizationAs(admin, "admin", "org_1", "  Acme   Brasil ")).resolves.toBe("Acme Brasil");
    expect(admin.rename).toHaveBeenCalledWith("org_1", "Acme Brasil");
  });

  it("announces the name it will ask for before asking the provider, so the webhook is audited as the caller's", async () => {
    const admin = fakeAdmin();
    const calls: string[] = [];
    admin.rename.mockImplementation(async () => void calls.push("provider"));
    await renameOrganizationAs(admin, "owner", "org_1", " Acme  Brasil", async (name) => void calls.push(`announce ${name}`));
    expect(calls).toEqual(["announce Acme Brasil", "provider"]);
  });

  it("announces nothing when the rename is refused", async () => {
    const announce = vi.fn(async () => undefined);
    await expect(renameOrganizationAs(fakeAdmin(), "member", "org_1", "Outro nome", announce)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(renameOrganizationAs(fakeAdmin(), "owner", "org_1", "   ", announce)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    expect(announce).not.toHaveBeenCalled();
  });

  it("refuses a member with FORBIDDEN and changes nothing", async () => {
    const admin = fakeAdmin();
    await expect(renameOrganizationAs(admin, "member", "org_1", "Outro nome")).rejects.toMatchObject({ code: "FORBIDDEN" });
    untouched(admin);
  });

  it("refuses an empty or too long name with INVALID_ARGUMENT and changes nothing", async () => {
    const admin = fakeAdmin();
    await expect(renameOrganizationAs(admin, "owner", "org_1", "   ")).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(renameOrganizationAs(admin, "owner", "org_1", "x".repeat(65))).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    untouched(admin);
  });
});

describe("deleteOrganizationAs", () => {
  it("deletes when an owner typed the name the provider has", async () => {
    const admin = fakeAdmin();
    await deleteOrganizationAs(admin, "owner", "org_1", "Acme Vendas");
    expect(admin.remove).toHaveBeenCalledWith("org_1");
  });

  it.each<OrgRole>(["admin", "member"])("refuses an %s with FORBIDDEN, before reading the name, and changes nothing", async (role) => {
    const admin = fakeAdmin();
    await expect(deleteOrganizationAs(admin, role, "org_1", "Acme Vendas")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(admin.nameOf).not.toHaveBeenCalled();
    untouched(admin);
  });

  it("refuses a wrong typed name with INVALID_ARGUMENT and changes nothing", async () => {
    const admin = fakeAdmin();
    await expect(deleteOrganizationAs(admin, "owner", "org_1", "Acme")).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    untouched(admin);
  });

  it("answers ORG_NOT_FOUND for an organization the provider no longer has", async () => {
    const admin = fakeAdmin(null);
    await expect(deleteOrganizationAs(admin, "owner", "org_1", "Acme Vendas")).rejects.toMatchObject({ code: "ORG_NOT_FOUND" });
    untouched(admin);
  });
});
