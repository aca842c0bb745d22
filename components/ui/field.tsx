import type { ReactNode } from "react";

export const inputClasses =
  "mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm disabled:bg-slate-50 disabled:text-slate-500";

type FieldProps = { id: string; label: string; hint?: string; hintId?: string; children: ReactNode };

/** A labelled form control with an optional hint under it (pass `hintId` to aria-describedby). */
export function Field({ id, label, hint, hintId, children }: FieldProps) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** An inline failure under a form or action, announced as soon as it appears. */
export function InlineError({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
      {children}
    </p>
  );
}
