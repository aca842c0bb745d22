import { getToken } from "@/app/_lib/auth/local/handlers";

// A fresh token per request, for the cookie's session.
export const dynamic = "force-dynamic";

export const GET = getToken;
