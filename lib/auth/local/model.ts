import type { OrgRole } from "../claims";

/**
 * The shapes of the local directory and what the browser sees of it. Pure: used by the issuer on
 * the server, by the client components and by the seeding script alike.
 */

/** `updatedAt` moves with a rename (Clerk's `updated_at`). */
export type LocalOrganization = { id: string; name: string; slug: string; createdAt: number; updatedAt?: number };
/** `name` is what the app shows; first and last name are what Clerk-shaped events carry. */
export type LocalUser = { id: string; name: string; firstName: string; lastName: string; email: string; createdAt: number };
/** `updatedAt` moves with every role change or removal (Clerk's `updated_at`); `removedAt` marks a removal. */
export type LocalMembership = {
  orgId: string;
  userId: string;
  role: OrgRole;
  createdAt: number;
  updatedAt?: number;
  removedAt?: number;
};

export type LocalDirectory = {
  organizations: readonly LocalOrganization[];
  users: readonly LocalUser[];
  memberships: readonly LocalMembership[];
};

/** One of a user's organizations, with the user's role there. */
export type LocalOrgView = { id: string; name: string; slug: string; role: OrgRole };
export type LocalUserView = { id: string; name: string; email: string };
/** A person the sign-in screen offers. */
export type LocalAccount = LocalUserView & { orgs: LocalOrgView[] };
/** A pending invitation as the sign-in screen offers it. */
export type LocalInvitationView = { id: string; email: string; role: OrgRole; orgName: string };
/** The signed-in person as the client knows them. */
export type LocalViewer = { user: LocalUserView; orgs: LocalOrgView[]; activeOrgId: string | null };

export const ORG_NAME_MAX_LENGTH = 64;

export function userView(user: LocalUser): LocalUserView {
  return { id: user.id, name: user.name, email: user.email };
}

export function findUser(directory: LocalDirectory, userId: string): LocalUser | null {
  return directory.users.find((user) => user.id === userId) ?? null;
}

/** The user's organizations in the order they joined them. */
export function orgsOf(directory: LocalDirectory, userId: string): LocalOrgView[] {
  return directory.memberships.flatMap((membership) => {
    if (membership.userId !== userId) return [];
    const org = directory.organizations.find((o) => o.id === membership.orgId);
    return org ? [{ id: org.id, name: org.name, slug: org.slug, role: membership.role }] : [];
  });
}

export function accountsOf(directory: LocalDirectory): LocalAccount[] {
  return directory.users.map((user) => ({ ...userView(user), orgs: orgsOf(directory, user.id) }));
}

/** "Bella Imóveis" → "bella-imoveis"; never empty. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return slug || "org";
}

/** A slug no organization of the directory uses yet: `name`, `name-2`, `name-3`, ... */
export function uniqueSlug(directory: LocalDirectory, name: string): string {
  const base = slugify(name);
  const taken = new Set(directory.organizations.map((org) => org.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

// Browsers drop tabs and newlines inside URLs and read a backslash as a slash, so "/<tab>/evil.com"
// and "/<backslash>evil.com" both leave the site: any control character or backslash is refused.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;
const SAME_SITE = "https://spindesk.invalid";

/** A same-site path to return to after sign-in, or null (open redirects are refused). */
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/") || UNSAFE_CHARACTERS.test(value)) return null;
  let resolved: URL;
  try {
    // Resolved as a browser would, against a stand-in origin: only a path that stays on it is safe.
    resolved = new URL(value, SAME_SITE);
  } catch {
    return null;
  }
  if (resolved.origin !== SAME_SITE) return null;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
