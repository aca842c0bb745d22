import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import type { InboxView } from "@/lib/inbox/views";

/** An inbox view with no open conversation: what would show up there. */
export function EmptyView({ view }: { view: Exclude<InboxView, "all"> }) {
  const t = useTranslations("inbox.empty");
  return <EmptyState title={t("title")} body={t(view)} />;
}
