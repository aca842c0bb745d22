import type { LabelColor } from "@/lib/inbox/labels";
import { cx } from "@/components/ui/cx";

/** Dark text on a light tint for every palette colour (WCAG AA); the dot repeats the colour. */
const CHIP_CLASSES: Record<LabelColor, { chip: string; dot: string }> = {
  slate: { chip: "bg-slate-100 text-slate-800 ring-slate-300", dot: "bg-slate-500" },
  rose: { chip: "bg-rose-50 text-rose-800 ring-rose-200", dot: "bg-rose-500" },
  orange: { chip: "bg-orange-50 text-orange-800 ring-orange-200", dot: "bg-orange-500" },
  amber: { chip: "bg-amber-50 text-amber-900 ring-amber-200", dot: "bg-amber-500" },
  emerald: { chip: "bg-emerald-50 text-emerald-800 ring-emerald-200", dot: "bg-emerald-500" },
  teal: { chip: "bg-teal-50 text-teal-800 ring-teal-200", dot: "bg-teal-500" },
  sky: { chip: "bg-sky-50 text-sky-800 ring-sky-200", dot: "bg-sky-500" },
  indigo: { chip: "bg-indigo-50 text-indigo-800 ring-indigo-200", dot: "bg-indigo-500" },
  violet: { chip: "bg-violet-50 text-violet-800 ring-violet-200", dot: "bg-violet-500" },
  fuchsia: { chip: "bg-fuchsia-50 text-fuchsia-800 ring-fuchsia-200", dot: "bg-fuchsia-500" },
};

export const labelDotClass = (color: string) => (CHIP_CLASSES[color as LabelColor] ?? CHIP_CLASSES.slate).dot;

export type LabelChipData = { _id: string; name: string; color: string };

export function LabelChip({ label, className }: { label: LabelChipData; className?: string }) {
  const classes = CHIP_CLASSES[label.color as LabelColor] ?? CHIP_CLASSES.slate;
  return (
    <span className={cx("inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset", classes.chip, className)}>
      <span aria-hidden="true" className={cx("size-1.5 shrink-0 rounded-full", classes.dot)} />
      <span className="truncate">{label.name}</span>
    </span>
  );
}

/** A conversation's labels as chips (list rows, thread header). */
export function LabelChips({ labels }: { labels: LabelChipData[] }) {
  if (labels.length === 0) return null;
  return (
    <>
      {labels.map((label) => (
        <LabelChip key={label._id} label={label} />
      ))}
    </>
  );
}
