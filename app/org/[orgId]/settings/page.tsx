import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SettingsPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return <SettingsPageClient orgId={orgId} />;
}
