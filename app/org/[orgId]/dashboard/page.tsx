import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DashboardPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return <DashboardPageClient orgId={orgId} />;
}
