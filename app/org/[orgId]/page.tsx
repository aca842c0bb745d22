import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OverviewPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

export default async function OverviewPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return <OverviewPageClient orgId={orgId} />;
}
