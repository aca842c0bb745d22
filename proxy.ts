import { authProxy } from "./app/_lib/auth/proxy";

export const proxy = authProxy;

export const config = {
  matcher: [
    // Everything except Next.js internals and static files (unless found in search params).
    "/((?!_next|[^?]*\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|docx?|xlsx?|zip|webmanifest)).*)",
    "/(api|trpc)(.*)",
  ],
};
