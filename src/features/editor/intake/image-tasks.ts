/**
 * The main thread's handle on the image worker (image-worker.ts): each task a method that
 * returns a promise. When a worker cannot be started the same handlers run here.
 */
import { workerApi } from '../../../lib/worker-api.ts';
import type { ImageTaskHandlers } from './image-task-handlers.ts';

export const imageTasks = workerApi<ImageTaskHandlers>({
  start: () => new Worker(new URL('./image-worker.ts', import.meta.url), { type: 'module' }),
  fallback: () => import('./image-task-handlers.ts').then((m) => m.imageTaskHandlers),
  crashed: (reason) => new Error(`Image worker crashed: ${reason}`),
});
