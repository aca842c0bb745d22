import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentsPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agents");
  return { title: t("title") };
}

export default async function AgentsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return <AgentsPageClient orgId={orgId} />;
}
