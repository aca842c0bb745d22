import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthScreenFrame } from "@/components/app/auth-screen-frame";
import { SignUpScreen } from "@/components/auth/client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signUpTitle") };
}

export default function SignUpPage() {
  return (
    <AuthScreenFrame>
      <SignUpScreen />
    </AuthScreenFrame>
  );
}
