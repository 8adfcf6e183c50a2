import { Dialog } from 'radix-ui';
import { useSquareQuestion } from './square-question.ts';
import './square-question-dialog.css';

/** "Make variations" of a non-square image: crop it or pad it to a square first. */
export function SquareQuestionDialog() {
  const asking = useSquareQuestion((s) => s.asking);
  return (
    <Dialog.Root open={asking !== null} onOpenChange={(open) => !open && asking?.answer(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="square-question__overlay" />
        <Dialog.Content className="square-question">
          <Dialog.Title className="square-question__title">Make the image square</Dialog.Title>
          <Dialog.Description className="square-question__text">
            Variations take square images only; this one is {asking?.width} × {asking?.height}. Crop
            keeps the centre square; pad keeps the whole picture on a transparent square.
          </Dialog.Description>
          <div className="square-question__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => asking?.answer('crop')}
            >
              Crop to square
            </button>
            <button type="button" className="button" onClick={() => asking?.answer('pad')}>
              Pad to square
            </button>
            <Dialog.Close className="button button--ghost">Cancel</Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
