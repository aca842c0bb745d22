import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FunctionReturnType } from "convex/server";
import type { api } from "@/convex/_generated/api";

type AuditTarget = FunctionReturnType<typeof api.organizations.auditLog>["page"][number]["target"];

/** What an entry changed, in words ("Agent: Vendas SP"), linked when it has a page; the raw id under "Details". */
export function AuditTargetCell({ target }: { target: AuditTarget }) {
  const t = useTranslations("audit");
  const name = target.label ?? t("targetGone");
  return (
    <div className="space-y-1">
      <p className="text-sm text-slate-900">
        <span className="text-slate-600">{t(`targetKinds.${target.kind}`)}: </span>
        {target.path ? (
          <Link href={target.path} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {name}
          </Link>
        ) : (
          <span className={target.label ? "font-medium" : "text-slate-600 italic"}>{name}</span>
        )}
      </p>
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer select-none">{t("details")}</summary>
        <code className="font-mono break-all">{target.raw}</code>
      </details>
    </div>
  );
}
