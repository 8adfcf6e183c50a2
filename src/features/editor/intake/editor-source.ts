/** The studio's one source flow: the real image worker, OffscreenCanvas masks, the session store. */
import { browserCanvas } from '../mask/paint-canvas.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { imageTasks } from './image-tasks.ts';
import { SourceFlow } from './source-flow.ts';

export const editorSource = new SourceFlow({
  session: useSessionStore,
  tasks: imageTasks,
  canvas: browserCanvas,
});
