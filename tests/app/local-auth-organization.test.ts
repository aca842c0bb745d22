import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createOrganization, listOrgsOf, readDirectory } from "@/lib/auth/local/directory";
import { deleteOrganization, getOrganization, renameOrganization } from "@/lib/auth/local/organization";
import { readSession } from "@/lib/auth/local/session";
import { invite, listInvitations } from "@/lib/auth/local/team";
import { captureConvexEvents, setUpLocalAuthEnvironment, signInAs } from "./local-auth-setup";

const { dataDir } = setUpLocalAuthEnvironment();

const ACME = "org_demo_acme";

describe("renameOrganization", () => {
  it("renames a demo organization for every member and keeps its slug", async () => {
    const renamed = await renameOrganization(ACME, "  Acme   Brasil ");
    expect(renamed).toMatchObject({ id: ACME, name: "Acme Brasil", slug: "acme-vendas" });
    expect(await getOrganization(ACME)).toMatchObject({ name: "Acme Brasil" });
    expect((await listOrgsOf("user_demo_mia")).map((org) => org.name)).toEqual(["Acme Brasil", "Bella Imóveis"]);
  });

  it("tells Convex with organization.updated, each rename later than the one before", async () => {
    const told = captureConvexEvents();
    await renameOrganization(ACME, "Acme Brasil");
    await renameOrganization(ACME, "Acme Global");
    const changes = told();
    expect(changes.map((change) => change.kind)).toEqual(["organization.upsert", "organization.upsert"]);
    const [first, second] = changes.map((change) => (change.kind === "organization.upsert" ? change.org : null));
    expect(first).toMatchObject({ externalId: ACME, name: "Acme Brasil", slug: "acme-vendas" });
    expect(second?.name).toBe("Acme Global");
    expect(second!.updatedAt).toBeGreaterThan(first!.updatedAt);
  });

  it("sends nothing when the name does not change", async () => {
    const told = captureConvexEvents();
    await renameOrganization(ACME, "Acme Vendas");
    expect(told()).toEqual([]);
  });

  it("refuses an empty or too long name, and an unknown organization, writing nothing", async () => {
    await expect(renameOrganization(ACME, "   ")).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(renameOrganization(ACME, "x".repeat(65))).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(renameOrganization("org_nope", "Nome")).rejects.toMatchObject({ code: "ORG_NOT_FOUND" });
    await expect(readFile(path.join(dataDir(), "directory.json"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("deleteOrganization", () => {
  it("removes the organization from every member's list and from the active session", async () => {
    const session = await signInAs("user_demo_mia");
    expect((await readSession(session))?.orgs.map((org) => org.id)).toContain(ACME);

    await deleteOrganization(ACME);

    expect(await getOrganization(ACME)).toBeNull();
    expect((await listOrgsOf("user_demo_mia")).map((org) => org.id)).toEqual(["org_demo_bella"]);
    expect((await readDirectory()).organizations.map((org) => org.id)).not.toContain(ACME);
    const after = await readSession(session);
    expect(after?.orgs.map((org) => org.id)).toEqual(["org_demo_bella"]);
    expect(after?.activeOrg?.id).not.toBe(ACME);
  });

  it("lets the invitations to it lapse", async () => {
    await invite(ACME, "carla@acme.example", "member", "user_demo_olivia");
    await deleteOrganization(ACME);
    expect(await listInvitations(ACME)).toEqual([]);
  });

  it("tells Convex with organization.deleted", async () => {
    const { organization } = await createOrganization("user_demo_olivia", "Loja Nova");
    const told = captureConvexEvents();
    await deleteOrganization(organization.id);
    expect(told()).toEqual([{ kind: "organization.delete", orgExternalId: organization.id }]);
  });

  it("refuses an organization that is already gone with ORG_NOT_FOUND and tells Convex nothing more", async () => {
    await deleteOrganization(ACME);
    const told = captureConvexEvents();
    await expect(deleteOrganization(ACME)).rejects.toMatchObject({ code: "ORG_NOT_FOUND" });
    await expect(renameOrganization(ACME, "De volta")).rejects.toMatchObject({ code: "ORG_NOT_FOUND" });
    expect(told()).toEqual([]);
  });
});
