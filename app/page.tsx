import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Landing } from "@/components/app/landing";
import { orgPath, SELECT_ORG_PATH } from "@/lib/auth/routes";
import { getServerSession } from "@/app/_lib/auth/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("landing");
  return { title: { absolute: `SpinDesk — ${t("eyebrow")}` } };
}

/** Visitors see what SpinDesk is; signed-in people go straight to where they work. */
export default async function HomePage() {
  const session = await getServerSession();
  if (session) redirect(session.orgId ? orgPath(session.orgId) : SELECT_ORG_PATH);
  return <Landing />;
}
