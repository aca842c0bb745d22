import "server-only";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { SESSION_COOKIE } from "@/lib/auth/local/config";
import { readDirectory } from "@/lib/auth/local/directory";
import { accountsOf } from "@/lib/auth/local/model";
import { resolveSession, viewerOf } from "@/lib/auth/local/session";
import { pendingInvitations } from "@/lib/auth/local/team";
import { unsealSession } from "@/lib/auth/local/tokens";
import type { Locale } from "@/lib/i18n/config";
import { LocalAuthProvider } from "./context";
import { LocalDevBanner } from "./ui/dev-banner";

/** No external script: the session and the directory come from this server, so it works offline. */
export async function LocalRoot({ children }: { locale: Locale; children: ReactNode }) {
  const cookieStore = await cookies();
  const [cookie, directory, invitations] = await Promise.all([
    unsealSession(cookieStore.get(SESSION_COOKIE)?.value),
    readDirectory(),
    pendingInvitations(),
  ]);
  const state = resolveSession(cookie, directory);
  return (
    <LocalAuthProvider viewer={state && viewerOf(state)} accounts={accountsOf(directory)}
      invitations={invitations.map(({ id, email, role, orgName }) => ({ id, email, role, orgName }))}
    >
      <LocalDevBanner />
      {children}
    </LocalAuthProvider>
  );
}
