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

/** What runtime changes add to the demo directory; the only part written to disk. */
const runtimeState = z.object({
  version: z.literal(1),
  organizations: z.array(
    z.object({ id: z.string().min(1), name: z.string().min(1), slug: z.string().min(1), createdAt: z.number() }),
  ),
  memberships: z.array(
    z.object({ orgId: z.string().min(1), userId: z.string().min(1), role: z.enum(ORG_ROLES), createdAt: z.number() }),
  ),
});
type RuntimeState = z.infer<typeof runtimeState>;

const EMPTY_STATE: RuntimeState = { version: 1, organizations: [], memberships: [] };

function stateFile(): string {
  return path.join(localDataDir(), "directory.json");
}

async function readState(): Promise<RuntimeState> {
  const file = stateFile();
  const raw = await readJsonFile(file);
  if (raw === null) return EMPTY_STATE;
  const parsed = runtimeState.safeParse(raw);
  // Refuse rather than silently start over: the file holds organizations someone created.
  if (!parsed.success) throw new Error(`The local auth directory ${file} is unreadable; fix or delete it.`);
  return parsed.data;
}

function merge(state: RuntimeState): LocalDirectory {
  return {
    organizations: [...demoDirectory.organizations, ...state.organizations],
    users: demoDirectory.users,
    memberships: [...demoDirectory.memberships, ...state.memberships],
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

/** The trimmed name, or a refusal a user can read. */
function orgNameX(raw: unknown): string {
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
