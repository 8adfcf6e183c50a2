import { AlertDialog } from 'radix-ui';
import { createFocusReturn } from '../../../lib/ui/focus-return.ts';
import { useDiscardQuestion } from '../intake/discard-question.ts';
import './crop-dialog.css';

// Asked by a file chosen, dropped or pasted, not by a Trigger: focus goes back where it was.
const focusReturn = createFocusReturn();

/** Asks before a new image replaces one with a painted mask; Keep editing is the safe default. */
export function ReplaceImageDialog() {
  const answer = useDiscardQuestion((s) => s.answer);
  return (
    <AlertDialog.Root open={answer !== null} onOpenChange={(open) => !open && answer?.(false)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="editor-dialog__overlay" />
        <AlertDialog.Content
          className="editor-dialog editor-dialog--narrow"
          onOpenAutoFocus={focusReturn.remember}
          onCloseAutoFocus={focusReturn.onCloseAutoFocus}
        >
          <AlertDialog.Title>Replace the image?</AlertDialog.Title>
          <AlertDialog.Description className="editor-dialog__lead">
            Your painted mask will be discarded. This cannot be undone.
          </AlertDialog.Description>
          <div className="editor-dialog__actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button">
                Keep editing
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button
                type="button"
                className="button button--primary"
                onClick={() => answer?.(true)}
              >
                Replace
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
