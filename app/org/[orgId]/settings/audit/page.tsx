import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditPageClient } from "./page-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  return <AuditPageClient orgId={orgId} />;
}
