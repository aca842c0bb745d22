import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { OrgRole } from "@/lib/auth/claims";

const TONES = { owner: "brand", admin: "info", member: "neutral" } as const;

export function RoleBadge({ role }: { role: OrgRole }) {
  const t = useTranslations("roles");
  return <Badge tone={TONES[role]}>{t(role)}</Badge>;
}
