import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConversationsPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conversations");
  return { title: t("title") };
}

export default async function ConversationsPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return <ConversationsPageClient orgId={orgId} />;
}
