/**
 * The studio's one source flow: the real image worker, OffscreenCanvas masks, the session
 * store, and the model from the edit draft.
 */
import { editModel } from '../edit/edit-model.ts';
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
  confirmDiscardMask: askDiscardMask,
});
