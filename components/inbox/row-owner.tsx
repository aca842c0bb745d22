import { useTranslations } from "next-intl";
import type { SessionItem } from "@/components/conversations/types";
import { OwnerAvatar } from "./owner-avatar";

/** The owner's avatar on a conversation row; nothing when unassigned. */
export function RowOwner({ assignee }: { assignee: SessionItem["assignee"] }) {
  const t = useTranslations("inbox.owner");
  if (assignee === null) return null;
  return <OwnerAvatar name={assignee.name} imageUrl={assignee.imageUrl} label={t("assignedTo", { name: assignee.name })} />;
}
