import type { ReactNode } from "react";
import { cx } from "./cx";

type ErrorStateProps = {
  title: string;
  /** The heading level of the title; a plain paragraph inside cards. */
  titleAs?: "h1" | "h2" | "p";
  body?: ReactNode;
  action?: ReactNode;
  className?: string;
};

/** A refusal or failure, announced to screen readers as soon as it appears. */
export function ErrorState({ title, titleAs: Title = "p", body, action, className }: ErrorStateProps) {
  return (
    <div role="alert" className={cx("flex flex-col items-center gap-2 px-6 py-12 text-center", className)}>
      <svg className="size-8 text-rose-600" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="2" />
        <path d="M12 7v6m0 3.5v.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <Title className="text-base font-semibold text-slate-900">{title}</Title>
      {body ? <p className="max-w-md text-sm text-slate-600">{body}</p> : null}
      {action ? <div className="mt-3 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
