/**
 * The page's one way to talk to a worker: the worker exposes an object of async functions
 * with `exposeApi` (worker-expose.ts), and the page calls them as methods through Comlink.
 * ImageBitmaps in arguments and results are moved, not copied.
 *
 * The worker starts on first use. If it crashes or fails to load, every call in flight
 * rejects with `crashed(…)` and the next call starts a fresh one. Where no worker can be
 * started at all (an old browser, a locked-down page), `fallback` runs the same functions
 * on the main thread; without one, calls reject.
 *
 * Calls named in `releaseOnly` only let go of what a running worker holds (a session it
 * keeps): with no worker running they resolve at once, since a crash took that state with
 * it, rather than start a fresh worker only to close something it never had.
 */
import { releaseProxy, transfer, wrap, type Endpoint, type Remote } from 'comlink';
import { transferablesOf } from './transferables.ts';

type AsyncFunctions = Record<string, (...args: never[]) => Promise<unknown>>;

/** What is needed of a Worker (a test passes a MessagePort pair standing in for one). */
export type WorkerLike = Endpoint & { terminate(): void };

export interface WorkerApiOptions<T extends AsyncFunctions> {
  /** `new Worker(new URL('./x-worker.ts', import.meta.url), …)`: Vite needs the URL here. */
  start: () => WorkerLike;
  fallback?: () => Promise<T>;
  /** The error a call gets when the worker crashed, failed to load or cannot start. */
  crashed: (reason: string) => Error;
  /** Methods that only release a running worker's state: no worker is started for them. */
  releaseOnly?: readonly (keyof T)[];
}

export function workerApi<T extends AsyncFunctions>(options: WorkerApiOptions<T>): T {
  let remote: Remote<T> | null = null;
  let worker: WorkerLike | null = null;
  let unavailable: string | null = null;
  const inFlight = new Set<(error: Error) => void>();

  const stop = () => {
    remote?.[releaseProxy]();
    worker?.terminate();
    remote = null;
    worker = null;
  };
  const connect = (): Remote<T> | null => {
    if (remote || unavailable !== null) return remote;
    try {
      worker = options.start();
    } catch (error) {
      unavailable = error instanceof Error ? error.message : String(error);
      return null;
    }
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      // An ErrorEvent carries the worker's message.
      const reason = 'message' in event && typeof event.message === 'string' ? event.message : '';
      const error = options.crashed(reason || 'unknown error');
      for (const reject of inFlight) reject(error);
      inFlight.clear();
      stop();
    });
    remote = wrap<T>(worker);
    return remote;
  };

  const call = async (name: keyof T, args: unknown[]): Promise<unknown> => {
    // No worker running, and none refused to start (a fallback would hold the state).
    if (!remote && unavailable === null && options.releaseOnly?.includes(name)) return undefined;
    const api = connect();
    if (!api) {
      if (!options.fallback) throw options.crashed(unavailable ?? 'no worker');
      const local = await options.fallback();
      return (local[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    }
    const sent = args.map((arg) => {
      const moved = transferablesOf(arg);
      return moved.length > 0 ? transfer(arg, moved) : arg;
    });
    return new Promise((resolve, reject) => {
      inFlight.add(reject);
      // Comlink's Remote has the same methods, each returning a promise.
      const method = api[name] as unknown as (...a: unknown[]) => Promise<unknown>;
      method(...sent)
        .then(resolve, reject)
        .finally(() => inFlight.delete(reject));
    });
  };

  // Every property is a method that calls the worker ('then' excepted: not a promise).
  return new Proxy({} as T, {
    get: (_, name) =>
      name === 'then' ? undefined : (...args: unknown[]) => call(name as keyof T, args),
  });
}
