import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageFrame } from "@/components/app/page-frame";
import { AccountControls } from "@/components/app/account-controls";
import { PageHeader } from "@/components/ui/page-header";
import { OrganizationPicker } from "@/components/auth/client";
import { SELECT_ORG_PATH, signInPath } from "@/lib/auth/routes";
import { getServerSession } from "@/app/_lib/auth/server";
import { ORGANIZATION_DELETED_NOTICE } from "@/lib/auth/organization";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("selectOrg");
  return { title: t("title") };
}

type SelectOrgProps = { searchParams: Promise<{ notice?: string | string[] }> };

export default async function SelectOrgPage({ searchParams }: SelectOrgProps) {
  const session = await getServerSession();
  if (session === null) redirect(signInPath(SELECT_ORG_PATH));
  const t = await getTranslations("selectOrg");
  const tOrganization = await getTranslations("organizationSettings");
  const deleted = (await searchParams).notice === ORGANIZATION_DELETED_NOTICE;
  return (
    <PageFrame
      controls={<AccountControls />}
      className="max-w-3xl"
    >
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {deleted ? (
        <p role="status" className="mb-6 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          {tOrganization("deletedNotice")}
        </p>
      ) : null}
      <OrganizationPicker />
    </PageFrame>
  );
}
