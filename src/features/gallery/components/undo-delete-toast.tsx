import { Toast } from 'radix-ui';
import { useDeleteEntries, useUndoDelete } from '../hooks/use-gallery-actions.ts';
import { useUndoStore } from '../stores/undo-store.ts';
import './undo-delete-toast.css';

const UNDO_WINDOW_MS = 10_000;

/**
 * "Deleted 3 images · Undo" after any delete. Undo puts back the very same entries (ids,
 * bytes, lineage) from memory; once the notice goes, the delete is final.
 */
export function UndoDeleteToast() {
  const lastDelete = useUndoStore((s) => s.lastDelete);
  const forget = useUndoStore((s) => s.forget);
  const undo = useUndoDelete();
  const deleting = useDeleteEntries();
  const count = lastDelete?.deleted.entries.length ?? 0;
  return (
    <Toast.Provider duration={UNDO_WINDOW_MS} label="Gallery notification">
      {lastDelete && (
        <Toast.Root
          key={lastDelete.key}
          className="gallery-toast"
          open
          onOpenChange={(open) => {
            if (!open && !undo.isPending) forget();
          }}
        >
          <Toast.Title className="gallery-toast__title">
            Deleted {count === 1 ? '1 image' : `${count.toLocaleString()} images`}
          </Toast.Title>
          <Toast.Action altText="Undo the delete" asChild>
            <button
              type="button"
              className="button button--primary"
              disabled={undo.isPending || deleting.isPending}
              onClick={(event) => {
                event.preventDefault();
                undo.mutate();
              }}
            >
              Undo
            </button>
          </Toast.Action>
          <Toast.Close className="button button--ghost" aria-label="Dismiss">
            ✕
          </Toast.Close>
        </Toast.Root>
      )}
      <Toast.Viewport className="gallery-toast-viewport" />
    </Toast.Provider>
  );
}
