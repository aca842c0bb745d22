import { clerkMiddleware } from "@clerk/nextjs/server";
import { isProtectedPath, SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/routes";

/** Signed-out visitors of org pages go to sign-in; the org in the URL becomes the active org. */
export const clerkProxy = clerkMiddleware(
  async (auth, request) => {
    if (isProtectedPath(request.nextUrl.pathname)) await auth.protect();
  },
  {
    signInUrl: SIGN_IN_PATH,
    signUpUrl: SIGN_UP_PATH,
    organizationSyncOptions: { organizationPatterns: ["/org/:id", "/org/:id/(.*)"] },
  },
);
