/**
 * The main thread's handle on the image worker: each task returns a promise. When a worker
 * cannot be started (an old browser, a locked-down page) the same handlers run here.
 */
import type { ImageTaskHandlers, ImageTaskName } from './image-task-handlers.ts';
import { transferablesOf } from './transferables.ts';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./image-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent) => {
      const { id, ok, value, message } = event.data as {
        id: number;
        ok: boolean;
        value?: unknown;
        message?: string;
      };
      const call = pending.get(id);
      pending.delete(id);
      if (!call) return;
      if (ok) call.resolve(value);
      else call.reject(new Error(message ?? 'The image task failed'));
    });
    worker.addEventListener('error', (event) => {
      // A crashed worker fails every task in flight; the next task starts a fresh one.
      for (const call of pending.values())
        call.reject(new Error(event.message || 'Image worker crashed'));
      pending.clear();
      worker?.terminate();
      worker = undefined;
    });
  } catch {
    worker = null;
  }
  return worker;
}

export function runImageTask<T extends ImageTaskName>(
  task: T,
  ...args: Parameters<ImageTaskHandlers[T]>
): ReturnType<ImageTaskHandlers[T]> {
  const w = startWorker();
  if (!w) {
    return import('./image-task-handlers.ts').then(({ imageTaskHandlers }) =>
      (imageTaskHandlers[task] as (...a: unknown[]) => Promise<unknown>)(...args),
    ) as ReturnType<ImageTaskHandlers[T]>;
  }
  const id = nextId++;
  return new Promise<unknown>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, task, args }, { transfer: args.flatMap(transferablesOf) });
  }) as ReturnType<ImageTaskHandlers[T]>;
}

/** The tasks as methods, for code that takes the image worker as a dependency. */
export const imageTasks: Pick<ImageTaskHandlers, 'open' | 'prepare' | 'close'> = {
  open: (...args) => runImageTask('open', ...args),
  prepare: (...args) => runImageTask('prepare', ...args),
  close: (...args) => runImageTask('close', ...args),
};
