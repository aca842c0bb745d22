import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MembersPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members");
  return { title: t("title") };
}

export default async function MembersPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return <MembersPageClient orgId={orgId} />;
}
