import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { QueryBoundary } from "@/components/data/query-boundary";
import { PageHeader } from "@/components/ui/page-header";

/**
 * The one ceremony every page under /org/[orgId] shares: await the route's params, show the
 * section's header, and let a failed query fall back to the error state instead of a blank page.
 * The org guard, provisioning and chrome are the org layout's job, so a page is only its content.
 */

/** Sections whose header reads `<section>.title` and `<section>.subtitle`. */
export type OrgSection = "overview" | "agents" | "conversations" | "dashboard" | "settings" | "members" | "audit" | "onboarding";

type TitleKey = Parameters<Awaited<ReturnType<typeof getTranslations<never>>>>[0];

/** `generateMetadata` of an org page: its title (the root layout adds the product name). */
export function orgPageMetadata(titleKey: TitleKey): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations();
    return { title: t(titleKey) };
  };
}

/** A page under /org/[orgId]: `section` picks its header (null for none), `render` its content. */
export function orgPage<Segment extends string = never>(
  section: OrgSection | null,
  render: (params: Record<"orgId" | Segment, string>) => ReactNode,
) {
  return async function OrgPage({ params }: { params: Promise<Record<"orgId" | Segment, string>> }) {
    const [resolved, t] = await Promise.all([params, section === null ? null : getTranslations(section)]);
    return (
      <>
        {t === null ? null : <PageHeader title={t("title")} subtitle={t("subtitle")} />}
        <QueryBoundary>{render(resolved)}</QueryBoundary>
      </>
    );
  };
}
