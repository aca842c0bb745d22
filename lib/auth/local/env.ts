export const LOCAL_AUTH_ISSUER_ENV = "LOCAL_AUTH_ISSUER";
export const LOCAL_AUTH_DATA_DIR_ENV = "LOCAL_AUTH_DATA_DIR";
export const CONVEX_SITE_URL_ENV = "CONVEX_SITE_URL";
export const CLERK_WEBHOOK_SECRET_ENV = "CLERK_WEBHOOK_SECRET";

/** The local provider needs no variable: the issuer and the data dir have working defaults. */
export const LOCAL_REQUIRED_ENV = [] as const;
