import { ConfirmAction } from "@/components/agents/confirm-action";
import { Button } from "@/components/ui/button";

type RowActionsProps = {
  /** What the row is, for screen readers ("Edit: Hot lead"). */
  itemName: string;
  editLabel: string;
  deleteLabel: string;
  deletingLabel: string;
  /** The question the confirmation dialog asks before deleting. */
  deleteQuestion: string;
  onEdit: () => void;
  onDelete: () => Promise<void>;
};

/** Edit and Delete for one row of an admin-managed list (labels, quick replies); Delete asks first, in the app's dialog. */
export function RowActions({ itemName, editLabel, deleteLabel, deletingLabel, deleteQuestion, onEdit, onDelete }: RowActionsProps) {
  return (
    <span className="flex gap-2">
      <Button variant="secondary" size="sm" onClick={onEdit} aria-label={`${editLabel}: ${itemName}`}>
        {editLabel}
      </Button>
      <ConfirmAction
        label={deleteLabel}
        ariaLabel={`${deleteLabel}: ${itemName}`}
        title={deleteQuestion}
        body=""
        confirmLabel={deleteLabel}
        pendingLabel={deletingLabel}
        danger
        run={onDelete}
      />
    </span>
  );
}
