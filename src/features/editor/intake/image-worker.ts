/**
 * The image worker: runs imageTaskHandlers off the main thread so decoding or encoding an
 * 8000x8000 picture never freezes the page. Protocol: { id, task, args } in,
 * { id, ok, value | message } out, ImageBitmaps transferred.
 */
import { imageTaskHandlers, type ImageTaskName } from './image-task-handlers.ts';
import { transferablesOf } from './transferables.ts';

interface TaskRequest {
  id: number;
  task: ImageTaskName;
  args: unknown[];
}

self.addEventListener('message', async (event: MessageEvent<TaskRequest>) => {
  const { id, task, args } = event.data;
  try {
    // The request names a handler and carries its arguments as sent by image-tasks.ts.
    const handler = imageTaskHandlers[task] as (...a: unknown[]) => Promise<unknown>;
    const value = await handler(...args);
    self.postMessage({ id, ok: true, value }, { transfer: transferablesOf(value) });
  } catch (error) {
    self.postMessage({
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
