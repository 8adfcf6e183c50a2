/**
 * The main thread's handle on the compose worker (compose-worker.ts), through the studio's
 * one worker wrapper (lib/worker-api.ts): started on first use so the editor's first paint
 * never waits for it; if it crashes, calls in flight fail with a message saying so and the
 * next call starts a fresh worker. There is no main-thread fallback on purpose: composing
 * a 4K result here would freeze the page, and every browser Easel runs in has workers.
 */
import { workerApi } from '../../../lib/worker-api.ts';
import type { ComposeApi } from './compose-worker.ts';
import { SESSION_GONE } from './session-gone.ts';

/** Thrown to calls in flight when the worker stopped; the next call gets a fresh worker. */
export class ComposeWorkerStopped extends Error {
  constructor(reason: string) {
    super(`The compose worker stopped (${reason})`);
    this.name = 'ComposeWorkerStopped';
  }
}

const api = workerApi<ComposeApi>({
  start: () => new Worker(new URL('./compose-worker.ts', import.meta.url), { type: 'module' }),
  crashed: (reason) => new ComposeWorkerStopped(reason),
  // Sessions live in the worker: after a crash there is nothing left to close.
  releaseOnly: ['close', 'extendClose'],
});

export function composeWorker(): ComposeApi {
  return api;
}

/**
 * Whether `error` means the worker no longer holds a session it held: it stopped, or a fresh
 * one answered (sessions live in the worker). The caller opens the session again.
 */
export function sessionLost(error: unknown): boolean {
  return (
    error instanceof ComposeWorkerStopped ||
    (error instanceof Error && error.message.includes(SESSION_GONE))
  );
}
