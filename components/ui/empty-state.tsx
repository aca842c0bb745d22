import type { ReactNode } from "react";
import { cx } from "./cx";

type EmptyStateProps = {
  title: string;
  /** The heading level of the title; a plain paragraph inside cards. */
  titleAs?: "h1" | "h2" | "p";
  body?: ReactNode;
  action?: ReactNode;
  className?: string;
};

export function EmptyState({ title, titleAs: Title = "p", body, action, className }: EmptyStateProps) {
  return (
    <div className={cx("flex flex-col items-center gap-2 px-6 py-12 text-center", className)}>
      <Title className="text-base font-semibold text-slate-900">{title}</Title>
      {body ? <p className="max-w-md text-sm text-slate-600">{body}</p> : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
