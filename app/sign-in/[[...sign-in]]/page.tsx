import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthScreenFrame } from "@/components/app/auth-screen-frame";
import { SignInScreen } from "@/components/auth/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default function SignInPage() {
  return (
    <AuthScreenFrame>
      <SignInScreen />
    </AuthScreenFrame>
  );
}
