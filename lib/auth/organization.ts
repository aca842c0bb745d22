import { z } from "zod";
import type { ErrorCode } from "../errors";
import type { OrgRole } from "./claims";
import { ORG_NAME_MAX_LENGTH } from "./local/model";

/**
 * Renaming and deleting an organization, the part every auth provider shares: the provider owns the
 * organization's name and existence, SpinDesk asks it to change them and hears back by webhook.
 * Owners and admins rename; only owners delete, and only after typing the organization's name.
 */

/** `/select-org?notice=…` after a deletion: the page says what happened. */
export const ORGANIZATION_DELETED_NOTICE = "organization-deleted";

/** What an auth provider does to an organization. */
export type OrganizationAdmin = {
  /** The name the provider has now; null when the organization does not exist (any more). */
  nameOf(orgId: string): Promise<string | null>;
  rename(orgId: string, name: string): Promise<void>;
  remove(orgId: string): Promise<void>;
};

export type OrganizationAction = { kind: "rename" } | { kind: "delete"; typedName: string; currentName: string };

export type OrganizationRefusal = { code: ErrorCode; reason: "not_admin" | "owner_only" | "name_mismatch" };

export const ORGANIZATION_REFUSAL_MESSAGES: Record<OrganizationRefusal["reason"], string> = {
  not_admin: "Only owners and admins can rename the organization.",
  owner_only: "Only owners can delete the organization.",
  name_mismatch: "Type the organization's name exactly to confirm.",
};

function collapsed(value: string): string {
  return value.normalize("NFC").trim().replace(/\s+/g, " ");
}

/** What a person types as the new name: spaces collapsed, 1–64 characters. */
export const organizationName = z
  .string()
  .transform(collapsed)
  .pipe(z.string().min(1).max(ORG_NAME_MAX_LENGTH));

/** The typed confirmation matches the name: exact, apart from surrounding and repeated spaces. */
export function confirmsName(typed: string, currentName: string): boolean {
  return collapsed(typed) === collapsed(currentName) && collapsed(currentName) !== "";
}

/** Null means allowed. */
export function organizationRefusal(actorRole: OrgRole | null, action: OrganizationAction): OrganizationRefusal | null {
  if (action.kind === "rename") {
    return actorRole === "owner" || actorRole === "admin" ? null : { code: "FORBIDDEN", reason: "not_admin" };
  }
  if (actorRole !== "owner") return { code: "FORBIDDEN", reason: "owner_only" };
  if (!confirmsName(action.typedName, action.currentName)) return { code: "INVALID_ARGUMENT", reason: "name_mismatch" };
  return null;
}

/** Thrown with the rule's code; the message is safe to show. */
export class OrganizationChangeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "OrganizationChangeError";
  }
}

function allowX(actorRole: OrgRole | null, action: OrganizationAction): void {
  const refusal = organizationRefusal(actorRole, action);
  if (refusal !== null) throw new OrganizationChangeError(refusal.code, ORGANIZATION_REFUSAL_MESSAGES[refusal.reason]);
}

/** Renames when the actor may; answers the name as stored. Nothing is asked of the provider otherwise. */
/**
 * Renames when the caller may. `announce` runs once the rename is allowed and just before the
 * provider is asked, so the provider's webhook can be audited as the caller's rename.
 */
export async function renameOrganizationAs(
  admin: OrganizationAdmin,
  actorRole: OrgRole | null,
  orgId: string,
  rawName: string,
  announce: (name: string) => Promise<void> = async () => {},
): Promise<string> {
  allowX(actorRole, { kind: "rename" });
  const parsed = organizationName.safeParse(rawName);
  if (!parsed.success) throw new OrganizationChangeError("INVALID_ARGUMENT", `Enter a name of 1 to ${ORG_NAME_MAX_LENGTH} characters.`);
  await announce(parsed.data);
  await admin.rename(orgId, parsed.data);
  return parsed.data;
}

/** Deletes when an owner typed the organization's current name (as the provider has it). */
export async function deleteOrganizationAs(admin: OrganizationAdmin, actorRole: OrgRole | null, orgId: string, typedName: string): Promise<void> {
  // The role first: a member learns nothing about the name by guessing.
  allowX(actorRole, { kind: "delete", typedName, currentName: typedName });
  const currentName = await admin.nameOf(orgId);
  if (currentName === null) throw new OrganizationChangeError("ORG_NOT_FOUND", "This organization does not exist.");
  allowX(actorRole, { kind: "delete", typedName, currentName });
  await admin.remove(orgId);
}
