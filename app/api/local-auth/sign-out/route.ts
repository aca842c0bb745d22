import { postSignOut } from "@/app/_lib/auth/local/handlers";

// Clears the session cookie.
export const dynamic = "force-dynamic";

export const POST = postSignOut;
