import type { ReactNode } from "react";

/** A definition list of labelled values, e.g. an organization's details. */
export function DetailList({ items }: { items: Array<{ label: string; value: ReactNode }> }) {
  return (
    <dl className="divide-y divide-slate-100">
      {items.map(({ label, value }) => (
        <div key={label} className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
          <dt className="text-sm font-medium text-slate-600">{label}</dt>
          <dd className="text-sm text-slate-900 sm:col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
