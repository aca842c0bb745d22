import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export type Suggestion = { key: string; primary: ReactNode; secondary?: ReactNode };

type SuggestionListProps = {
  id: string;
  label: string;
  options: Suggestion[];
  active: number;
  empty: string;
  hint: string;
  onPick: (index: number) => void;
};

export const optionId = (listId: string, index: number) => `${listId}-option-${index}`;

/**
 * The popup listbox of the composer (quick replies after "/", teammates after "@"). Focus stays in
 * the text box, which points at the active option with aria-activedescendant (ARIA combobox pattern).
 */
export function SuggestionList({ id, label, options, active, empty, hint, onPick }: SuggestionListProps) {
  return (
    <div className="absolute inset-x-0 bottom-full z-20 mb-1 overflow-hidden rounded-md border border-slate-300 bg-white shadow-lg">
      {options.length === 0 ? (
        <p className="px-3 py-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <ul id={id} role="listbox" aria-label={label} className="max-h-56 overflow-y-auto py-1">
          {options.map((option, index) => (
            <li
              key={option.key}
              id={optionId(id, index)}
              role="option"
              aria-selected={index === active}
              // mousedown, not click: the text box keeps focus and the caret.
              onMouseDown={(event) => {
                event.preventDefault();
                onPick(index);
              }}
              className={cx("cursor-pointer px-3 py-1.5 text-sm", index === active ? "bg-brand-50 text-brand-900" : "text-slate-800")}
            >
              <span className="font-medium">{option.primary}</span>
              {option.secondary ? <span className="block truncate text-xs text-slate-600">{option.secondary}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <p className="border-t border-slate-100 bg-slate-50 px-3 py-1 text-xs text-slate-600 max-sm:hidden">{hint}</p>
    </div>
  );
}
