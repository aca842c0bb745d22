import { postAcceptInvitation } from "@/app/_lib/auth/local/handlers";

// Reads and sets the session cookie.
export const dynamic = "force-dynamic";

export const POST = postAcceptInvitation;
