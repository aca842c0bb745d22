/**
 * Class names that turn a table into stacked cards below 640 px: the header row is kept for screen
 * readers only and each cell shows its column's name from `data-label`. From 640 px it is a table.
 */
export const stackedTable = {
  /** The wrapper: scrolls sideways only when a wide table meets a narrow tablet, and can be focused to do so. */
  wrapper: "overflow-x-auto max-sm:overflow-visible",
  table: "min-w-full divide-y divide-slate-200 max-sm:block",
  thead: "bg-slate-50 max-sm:sr-only",
  headerCell: "px-5 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-600",
  tbody: "divide-y divide-slate-100 max-sm:block",
  row: "max-sm:block max-sm:px-4 max-sm:py-3",
  rowHeader: "max-sm:block max-sm:p-0 max-sm:pb-1",
  cell: [
    "max-sm:flex max-sm:items-baseline max-sm:justify-between max-sm:gap-4 max-sm:p-0 max-sm:py-0.5 max-sm:text-right",
    "max-sm:before:shrink-0 max-sm:before:text-left max-sm:before:text-xs max-sm:before:font-medium max-sm:before:text-slate-600",
    "max-sm:before:content-[attr(data-label)]",
  ].join(" "),
} as const;
