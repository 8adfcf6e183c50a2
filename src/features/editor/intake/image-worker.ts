/**
 * The image worker: runs imageTaskHandlers off the main thread so decoding or encoding an
 * 8000x8000 picture never freezes the page. Called through image-tasks.ts.
 */
import { exposeApi } from '../../../lib/worker-expose.ts';
import { imageTaskHandlers } from './image-task-handlers.ts';

exposeApi(imageTaskHandlers);
