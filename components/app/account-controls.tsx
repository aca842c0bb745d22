import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { UserMenu } from "@/components/auth/client";

/** The header controls of every signed-in page: language, then the account menu. */
export function AccountControls() {
  return (
    <>
      <LanguageSwitcher />
      <UserMenu />
    </>
  );
}
