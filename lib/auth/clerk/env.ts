export const CLERK_PUBLISHABLE_KEY_ENV = "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY";
export const CLERK_SECRET_KEY_ENV = "CLERK_SECRET_KEY";

export const CLERK_REQUIRED_ENV = [CLERK_PUBLISHABLE_KEY_ENV, CLERK_SECRET_KEY_ENV] as const;

/** Name of the Clerk JWT template whose tokens Convex accepts (`applicationID: "convex"`). */
export const CONVEX_JWT_TEMPLATE = "convex";
