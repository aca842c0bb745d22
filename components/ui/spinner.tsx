import { cx } from "./cx";

export function Spinner({ className }: { className?: string }) {
  return (
    <svg
      className={cx("size-5 animate-spin text-brand-600", className)}
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
    >
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
      <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}

/** A spinner with a label that screen readers announce. */
export function LoadingState({ label, className }: { label: string; className?: string }) {
  return (
    <div role="status" className={cx("flex items-center justify-center gap-3 py-12 text-sm text-slate-600", className)}>
      <Spinner />
      <span>{label}</span>
    </div>
  );
}
