import "server-only";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import type { Locale } from "../../i18n/config";
import { SESSION_COOKIE } from "./config";
import { LocalAuthProvider } from "./context";
import { readDirectory } from "./directory";
import { accountsOf } from "./model";
import { resolveSession, viewerOf } from "./session";
import { unsealSession } from "./tokens";
import { LocalDevBanner } from "./ui/dev-banner";

/** No external script: the session and the directory come from this server, so it works offline. */
export async function LocalRoot({ children }: { locale: Locale; children: ReactNode }) {
  const cookieStore = await cookies();
  const [cookie, directory] = await Promise.all([unsealSession(cookieStore.get(SESSION_COOKIE)?.value), readDirectory()]);
  const state = resolveSession(cookie, directory);
  return (
    <LocalAuthProvider viewer={state && viewerOf(state)} accounts={accountsOf(directory)}>
      <LocalDevBanner />
      {children}
    </LocalAuthProvider>
  );
}
