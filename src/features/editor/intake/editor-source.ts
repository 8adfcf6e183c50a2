/**
 * The studio's one source flow: the real image worker, OffscreenCanvas masks, the session
 * store, and the model from the edit draft.
 */
import { editModel } from '../edit/edit-model.ts';
import { useEditResultsStore } from '../edit/edit-results-store.ts';
import { browserCanvas } from '../mask/paint-canvas.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { imageTasks } from './image-tasks.ts';
import { askDiscardMask } from './discard-question.ts';
import { SourceFlow } from './source-flow.ts';

export const editorSource = new SourceFlow({
  session: useSessionStore,
  tasks: imageTasks,
  canvas: browserCanvas,
  model: editModel,
  extending: () => useEditResultsStore.getState().mode === 'extend',
  confirmDiscardMask: askDiscardMask,
  // The stage is never larger than the window.
  viewRoom: () => {
    const dpr = window.devicePixelRatio || 1;
    return { width: window.innerWidth * dpr, height: window.innerHeight * dpr };
  },
  beforeOpen: async () => {
    await (await import('../stores/session-restore.ts')).restoreLastSession(editorSource);
  },
});

// A new image replaces Compare and the results strip entirely (a cancelled crop step that
// brings the previous image back brings its results back too).
useSessionStore.subscribe((state, before) => {
  if (state.source?.key !== before.source?.key) {
    useEditResultsStore.getState().sourceChanged(state.source?.key ?? null);
  }
});
