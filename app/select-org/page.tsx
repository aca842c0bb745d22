import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageFrame } from "@/components/app/page-frame";
import { AccountControls } from "@/components/app/account-controls";
import { PageHeader } from "@/components/ui/page-header";
import { OrganizationPicker } from "@/components/auth/client";
import { SELECT_ORG_PATH, signInPath } from "@/lib/auth/routes";
import { getServerSession } from "@/app/_lib/auth/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("selectOrg");
  return { title: t("title") };
}

export default async function SelectOrgPage() {
  const session = await getServerSession();
  if (session === null) redirect(signInPath(SELECT_ORG_PATH));
  const t = await getTranslations("selectOrg");
  return (
    <PageFrame
      controls={<AccountControls />}
      className="max-w-3xl"
    >
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <OrganizationPicker />
    </PageFrame>
  );
}
