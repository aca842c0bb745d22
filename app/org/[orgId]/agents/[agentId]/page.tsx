import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agents");
  return { title: t("detail.pageTitle") };
}

type AgentPageProps = { params: Promise<{ orgId: string; agentId: string }> };

export default async function AgentPage({ params }: AgentPageProps) {
  const { orgId, agentId } = await params;
  return <AgentPageClient orgId={orgId} agentId={agentId} />;
}
