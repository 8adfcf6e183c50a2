/**
 * Select person, from the toolbar to the mask: one undo step like the wand's, Shift adds and
 * Alt takes away. Whatever goes wrong (the model cannot start, no person in the picture, the
 * picture changed meanwhile) leaves the mask exactly as it was, with a sentence saying so.
 */
import type { MaskModel } from '../mask/mask-model.ts';
import { applySelection, type SelectionMode } from './apply-selection.ts';
import type { SelectionResult } from './selection-result.ts';
import type { CaptureUndo } from './wand-session.ts';
import { useSelectionStore } from './selection-store.ts';

export const PERSON_LABEL = 'Select person';
export const NO_PERSON_MESSAGE = 'No person found in this picture. Your mask is unchanged.';

export type PersonSelect = (picture: ImageBitmap) => Promise<SelectionResult>;

export async function selectPersonInto(
  mask: MaskModel,
  picture: ImageBitmap,
  mode: SelectionMode,
  select: PersonSelect,
  announce: (text: string) => void,
  captureUndo?: CaptureUndo,
): Promise<void> {
  if (useSelectionStore.getState().working === 'person') return;
  useSelectionStore.setState({ working: 'person', error: null });
  try {
    const before = mask.version;
    const capture = captureUndo?.(mask);
    const result = await select(picture);
    const tiles = await capture?.tiles;
    try {
      if (!result.bounds) {
        useSelectionStore.setState({ error: NO_PERSON_MESSAGE });
        return;
      }
      if (mask.version !== before && mode === 'replace') {
        // Painted meanwhile: replacing would throw that away unasked.
        useSelectionStore.setState({
          error: 'The mask changed while the person was being found. Try Select person again.',
        });
        return;
      }
      const fresh = capture && mask.version === capture.version ? tiles : null;
      applySelection(mask, result, mode, PERSON_LABEL, fresh);
      announce(`Selected the person: ${result.count.toLocaleString('en')} pixels`);
    } finally {
      result.paint?.close();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    useSelectionStore.setState({ error: `${reason} Your mask is unchanged.` });
  } finally {
    useSelectionStore.setState({ working: null });
  }
}
