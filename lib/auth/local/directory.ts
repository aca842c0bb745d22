import path from "node:path";
import { z } from "zod";
import { ORG_ROLES } from "../claims";
import { deliverCreatedOrganization } from "./clerk-events";
import { localDataDir } from "./config";
import { LocalAuthError } from "./errors";
import { readJsonFile, writeJsonAtomic } from "./files";
import {
  findUser,
  ORG_NAME_MAX_LENGTH,
  orgsOf,
  uniqueSlug,
  type LocalDirectory,
  type LocalMembership,
  type LocalOrganization,
  type LocalOrgView,
  type LocalUser,
} from "./model";

/** Fixed, so seeded webhooks are identical on every machine and replays are recognised. */
const DEMO_CREATED_AT = Date.UTC(2025, 0, 1);

const demoOrg = (id: string, name: string, slug: string): LocalOrganization => ({ id, name, slug, createdAt: DEMO_CREATED_AT });

const demoUser = (id: string, firstName: string, lastName: string, email: string): LocalUser => ({
  id,
  name: `${firstName} ${lastName}`,
  firstName,
  lastName,
  email,
  createdAt: DEMO_CREATED_AT,
});

const demoMember = (orgId: string, userId: string, role: LocalMembership["role"]): LocalMembership => ({
  orgId,
  userId,
  role,
  createdAt: DEMO_CREATED_AT,
});

/** The people and organizations every local stack starts with. Mia belongs to both organizations. */
export const demoDirectory: LocalDirectory = {
  organizations: [
    demoOrg("org_demo_acme", "Acme Vendas", "acme-vendas"),
    demoOrg("org_demo_bella", "Bella Imóveis", "bella-imoveis"),
  ],
  users: [
    demoUser("user_demo_olivia", "Olivia", "Owner", "olivia@acme.example"),
    demoUser("user_demo_adam", "Adam", "Admin", "adam@acme.example"),
    demoUser("user_demo_mia", "Mia", "Member", "mia@acme.example"),
    demoUser("user_demo_bruno", "Bruno", "Souza", "bruno@bella.example"),
  ],
  memberships: [
    demoMember("org_demo_acme", "user_demo_olivia", "owner"),
    demoMember("org_demo_acme", "user_demo_adam", "admin"),
    demoMember("org_demo_acme", "user_demo_mia", "member"),
    demoMember("org_demo_bella", "user_demo_bruno", "owner"),
    demoMember("org_demo_bella", "user_demo_mia", "member"),
  ],
};

const organizationRow = z.object({ id: z.string().min(1), name: z.string().min(1), slug: z.string().min(1), createdAt: z.number() });
const membershipRow = z.object({
  orgId: z.string().min(1),
  userId: z.string().min(1),
  role: z.enum(ORG_ROLES),
  createdAt: z.number(),
  updatedAt: z.number().optional(),
  removedAt: z.number().optional(),
});
const userRow = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().min(1),
  createdAt: z.number(),
});
const invitationRow = z.object({
  id: z.string().min(1),
  orgId: z.string().min(1),
  email: z.string().min(1),
  role: z.enum(ORG_ROLES),
  createdAt: z.number(),
  invitedBy: z.string().nullable(),
});

/** A rename or a deletion of any organization, demo ones included; the latest per organization wins. */
const organizationChangeRow = z.object({
  id: z.string().min(1),
  name: z.string().min(1).optional(),
  updatedAt: z.number(),
  deletedAt: z.number().optional(),
});

/**
 * What runtime changes add to the demo directory; the only part written to disk. A membership row
 * with the same organization and user as a demo one replaces it (a role change, or `removedAt`).
 */
const runtimeState = z.object({
  version: z.literal(2),
  organizations: z.array(organizationRow),
  users: z.array(userRow),
  memberships: z.array(membershipRow),
  invitations: z.array(invitationRow),
  // Added after version 2 shipped: a file written before has none.
  organizationChanges: z.array(organizationChangeRow).default([]),
});
export type RuntimeState = z.infer<typeof runtimeState>;
export type StoredInvitation = z.infer<typeof invitationRow>;
export type OrganizationChange = z.infer<typeof organizationChangeRow>;

/** Version 1 only knew created organizations and their owners. */
const runtimeStateV1 = z.object({
  version: z.literal(1),
  organizations: z.array(organizationRow),
  memberships: z.array(membershipRow.pick({ orgId: true, userId: true, role: true, createdAt: true })),
});

const EMPTY_STATE: RuntimeState = { version: 2, organizations: [], users: [], memberships: [], invitations: [], organizationChanges: [] };

function stateFile(): string {
  return path.join(localDataDir(), "directory.json");
}

function migrated(raw: unknown): RuntimeState | null {
  const current = runtimeState.safeParse(raw);
  if (current.success) return current.data;
  const v1 = runtimeStateV1.safeParse(raw);
  return v1.success ? { ...EMPTY_STATE, organizations: v1.data.organizations, memberships: v1.data.memberships } : null;
}

async function readState(): Promise<RuntimeState> {
  const file = stateFile();
  const raw = await readJsonFile(file);
  if (raw === null) return EMPTY_STATE;
  const state = migrated(raw);
  // Refuse rather than silently start over: the file holds organizations someone created.
  if (state === null) throw new Error(`The local auth directory ${file} is unreadable; fix or delete it.`);
  return state;
}

const membershipKey = (m: { orgId: string; userId: string }) => `${m.orgId}\u0000${m.userId}`;

/** Every membership row, demo ones replaced by their runtime version, removed ones included. */
export function membershipRows(state: RuntimeState): LocalMembership[] {
  const runtime = new Map(state.memberships.map((m) => [membershipKey(m), m]));
  const demo = demoDirectory.memberships.map((m) => runtime.get(membershipKey(m)) ?? m);
  const demoKeys = new Set(demoDirectory.memberships.map(membershipKey));
  return [...demo, ...state.memberships.filter((m) => !demoKeys.has(membershipKey(m)))];
}

/** Organizations as they are now: renamed ones with their new name, deleted ones gone. */
function currentOrganizations(state: RuntimeState): LocalOrganization[] {
  const changes = new Map(state.organizationChanges.map((change) => [change.id, change]));
  return [...demoDirectory.organizations, ...state.organizations].flatMap((org) => {
    const change = changes.get(org.id);
    if (change === undefined) return [org];
    if (change.deletedAt !== undefined) return [];
    return [{ ...org, name: change.name ?? org.name, updatedAt: change.updatedAt }];
  });
}

export function merge(state: RuntimeState): LocalDirectory {
  return {
    organizations: currentOrganizations(state),
    users: [...demoDirectory.users, ...state.users],
    memberships: membershipRows(state).filter((m) => m.removedAt === undefined),
  };
}

/** The demo directory plus the organizations created while the app ran. */
export async function readDirectory(): Promise<LocalDirectory> {
  return merge(await readState());
}

/** The user's organizations with the user's role in each. */
export async function listOrgsOf(userId: string): Promise<LocalOrgView[]> {
  return orgsOf(await readDirectory(), userId);
}

// Read-modify-write of the state file runs one at a time within this process.
let writes: Promise<unknown> = Promise.resolve();

function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = writes.then(task, task);
  writes = run.catch(() => undefined);
  return run;
}

/** The pending invitations, as stored. */
export async function readInvitations(): Promise<StoredInvitation[]> {
  return (await readState()).invitations;
}

/**
 * One read-modify-write of the state file: `change` answers the next state (or null to write
 * nothing) and a result; the merged directory after the change comes back with it.
 */
export async function changeState<T>(
  change: (state: RuntimeState) => { next: RuntimeState | null; result: T },
): Promise<{ result: T; state: RuntimeState; directory: LocalDirectory }> {
  return serialized(async () => {
    const before = await readState();
    const { next, result } = change(before);
    if (next !== null) await writeJsonAtomic(stateFile(), next);
    const state = next ?? before;
    return { result, state, directory: merge(state) };
  });
}

/** The trimmed name, or a refusal a user can read. */
export function orgNameX(raw: unknown): string {
  const name = typeof raw === "string" ? raw.trim().replace(/\s+/g, " ") : "";
  if (name === "") throw new LocalAuthError("INVALID_ARGUMENT", "Enter a name for the organization.");
  if (name.length > ORG_NAME_MAX_LENGTH) {
    throw new LocalAuthError("INVALID_ARGUMENT", `Use at most ${ORG_NAME_MAX_LENGTH} characters.`);
  }
  return name;
}

function newOrgId(): string {
  return `org_local_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
}

export type CreatedOrganization = { organization: LocalOrganization; membership: LocalMembership };

/**
 * Creates an organization owned by its creator and persists it. When Convex's site URL and the
 * webhook secret are configured, Convex also hears about it the way Clerk would tell it.
 */
export async function createOrganization(userId: string, name: string): Promise<CreatedOrganization> {
  const orgName = orgNameX(name);
  const created = await serialized(async () => {
    const state = await readState();
    const directory = merge(state);
    if (findUser(directory, userId) === null) throw new LocalAuthError("NOT_FOUND", "This account does not exist.");
    const now = Date.now();
    const organization = { id: newOrgId(), name: orgName, slug: uniqueSlug(directory, orgName), createdAt: now };
    const membership: LocalMembership = { orgId: organization.id, userId, role: "owner", createdAt: now };
    const next: RuntimeState = {
      ...state,
      organizations: [...state.organizations, organization],
      memberships: [...state.memberships, membership],
    };
    await writeJsonAtomic(stateFile(), next);
    return { organization, membership, directory: merge(next) };
  });
  await deliverCreatedOrganization(created.directory, created.organization.id);
  return { organization: created.organization, membership: created.membership };
}
