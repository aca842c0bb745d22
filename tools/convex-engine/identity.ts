/**
 * Verified JWT claims → the `UserIdentity` functions see through `ctx.auth.getUserIdentity()`,
 * following Convex's backend (`UserIdentity::from_token`) and the docs on custom claims.
 */
import type { JWTPayload } from "jose";

/** What a function sees; `expiresAt` (ms) stays on the engine side to refuse stale sessions. */
export type Identity = {
  subject: string;
  issuer: string;
  tokenIdentifier: string;
  [claim: string]: unknown;
};

export type VerifiedIdentity = { identity: Identity; expiresAt: number | null };

/** OIDC standard claims and the attribute each becomes. */
const STANDARD_CLAIMS: Record<string, string> = {
  name: "name",
  given_name: "givenName",
  family_name: "familyName",
  nickname: "nickname",
  preferred_username: "preferredUsername",
  profile: "profileUrl",
  picture: "pictureUrl",
  email: "email",
  email_verified: "emailVerified",
  gender: "gender",
  birthdate: "birthday",
  zoneinfo: "timezone",
  locale: "language",
  phone_number: "phoneNumber",
  phone_number_verified: "phoneNumberVerified",
};

/** Claims about the token itself, not the user: never exposed as custom claims. */
const TOKEN_CLAIMS = new Set(["iss", "sub", "aud", "exp", "iat", "nbf", "jti", "address", "updated_at"]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{ o: { id: "x" } }` → `{ "o.id": "x" }`, as Convex documents custom claims. */
function flatten(prefix: string, value: Record<string, unknown>, into: Record<string, unknown>): void {
  for (const [key, inner] of Object.entries(value)) {
    const dotted = `${prefix}.${key}`;
    if (isPlainObject(inner)) flatten(dotted, inner, into);
    else if (inner !== undefined) into[dotted] = inner;
  }
}

export function identityFromClaims(claims: JWTPayload): Identity {
  const issuer = claims.iss ?? "";
  const subject = claims.sub ?? "";
  const identity: Identity = { subject, issuer, tokenIdentifier: `${issuer}|${subject}` };
  for (const [claim, value] of Object.entries(claims)) {
    if (value === undefined || value === null || TOKEN_CLAIMS.has(claim)) continue;
    const attribute = STANDARD_CLAIMS[claim];
    if (attribute !== undefined) {
      identity[attribute] = value;
    } else if (isPlainObject(value)) {
      // The nested object stays too: the app's claim reader accepts both shapes.
      identity[claim] = value;
      flatten(claim, value, identity);
    } else {
      identity[claim] = value;
    }
  }
  const address = claims.address;
  if (isPlainObject(address) && typeof address.formatted === "string") identity.address = address.formatted;
  else if (typeof address === "string") identity.address = address;
  if (typeof claims.updated_at === "number") identity.updatedAt = new Date(claims.updated_at * 1000).toISOString();
  else if (typeof claims.updated_at === "string") identity.updatedAt = claims.updated_at;
  return identity;
}
