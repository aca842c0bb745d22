import type { ReactNode } from "react";
import { cx } from "./cx";

type CardProps = {
  className?: string;
  tone?: "default" | "danger";
  children: ReactNode;
};

/** A page section. The danger tone marks an irreversible action (deleting the organization). */
export function Card({ className, tone = "default", children }: CardProps) {
  return (
    <section className={cx("rounded-lg border bg-white shadow-sm", tone === "danger" ? "border-rose-300" : "border-slate-200", className)}>{children}</section>
  );
}

type CardHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  titleId?: string;
};

export function CardHeader({ title, description, actions, titleId }: CardHeaderProps) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
      <div className="min-w-0">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function CardBody({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cx("px-5 py-4", className)}>{children}</div>;
}
