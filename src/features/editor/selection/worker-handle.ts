/**
 * A Comlink handle on a worker started on first use. Comlink leaves a call waiting forever
 * when its worker dies (a script that fails to load, a crash, out of memory), so every call
 * here also fails when the worker reports an error, and the next call starts a fresh worker.
 */
import { wrap, type Remote } from 'comlink';

export interface WorkerHandle<Api> {
  /** Runs `call` on the worker's API; rejects if the worker fails meanwhile. */
  run<T>(call: (api: Remote<Api>) => Promise<T>): Promise<T>;
  /** Stops the worker (it restarts on the next call). */
  stop(): void;
  /** Starts the worker if needed; returns its number (state sent to an earlier one is gone). */
  generation(): number;
}

export function lazyWorker<Api>(start: () => Worker, name: string): WorkerHandle<Api> {
  let current: { worker: Worker; api: Remote<Api>; failed: Promise<never> } | null = null;
  let generation = 0;

  const ensure = () => {
    if (current) return current;
    const worker = start();
    generation++;
    const failed = new Promise<never>((_, reject) => {
      const fail = (event: Event) => {
        const message = event instanceof ErrorEvent && event.message ? `: ${event.message}` : '';
        if (current?.worker === worker) current = null;
        worker.terminate();
        reject(new Error(`The ${name} stopped${message}`));
      };
      worker.addEventListener('error', fail);
      worker.addEventListener('messageerror', fail);
    });
    failed.catch(() => {}); // observed by the calls racing it
    current = { worker, api: wrap<Api>(worker), failed };
    return current;
  };

  return {
    run: (call) => {
      const { api, failed } = ensure();
      return Promise.race([call(api), failed]);
    },
    stop: () => {
      current?.worker.terminate();
      current = null;
    },
    generation: () => {
      ensure();
      return generation;
    },
  };
}
