/**
 * The selection tools as the editor uses them: the wand session and Select person, wired to
 * the workers, the editor's session (mask and prepared image) and its status line.
 */
import { useSessionStore } from '../stores/session-store.ts';
import { useToolStore } from '../stores/tool-store.ts';
import type { SelectionMode } from './apply-selection.ts';
import { selectPerson } from './person-selector.ts';
import { selectPersonInto } from './select-person.ts';
import { wandSelect } from './wand-selector.ts';
import { createWandSession } from './wand-session.ts';
import { captureUndo } from './undo-capture.ts';

const announce = (text: string) => useToolStore.getState().announce(text);

export const wandSession = createWandSession(wandSelect, announce, captureUndo);

/** Select person on the open image; does nothing when no image is open. */
export function selectPersonNow(mode: SelectionMode): Promise<void> {
  const { mask, prepared } = useSessionStore.getState();
  if (!mask || !prepared) return Promise.resolve();
  return selectPersonInto(mask, prepared.bitmap, mode, selectPerson, announce, captureUndo);
}
