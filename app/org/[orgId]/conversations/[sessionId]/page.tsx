import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConversationPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("conversations");
  return { title: t("thread.pageTitle") };
}

type ConversationPageProps = { params: Promise<{ orgId: string; sessionId: string }> };

export default async function ConversationPage({ params }: ConversationPageProps) {
  const { orgId, sessionId } = await params;
  return <ConversationPageClient orgId={orgId} sessionId={sessionId} />;
}
