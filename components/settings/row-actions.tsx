import { Button } from "@/components/ui/button";

type RowActionsProps = {
  /** What the row is, for screen readers ("Edit: Hot lead"). */
  itemName: string;
  editLabel: string;
  deleteLabel: string;
  /** The question asked before deleting. */
  deleteQuestion: string;
  onEdit: () => void;
  onDelete: () => void;
};

/** Edit and Delete for one row of an admin-managed list (labels, quick replies); Delete asks first. */
export function RowActions({ itemName, editLabel, deleteLabel, deleteQuestion, onEdit, onDelete }: RowActionsProps) {
  return (
    <span className="flex gap-2">
      <Button variant="secondary" size="sm" onClick={onEdit} aria-label={`${editLabel}: ${itemName}`}>
        {editLabel}
      </Button>
      <Button
        variant="ghost"
        size="sm"
        aria-label={`${deleteLabel}: ${itemName}`}
        onClick={() => {
          if (window.confirm(deleteQuestion)) onDelete();
        }}
      >
        {deleteLabel}
      </Button>
    </span>
  );
}
