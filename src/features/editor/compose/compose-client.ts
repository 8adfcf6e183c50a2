/**
 * The main thread's handle on the compose worker (compose-worker.ts), started on first use
 * so the editor's first paint never waits for it.
 */
import { wrap, type Remote } from 'comlink';
import type { ComposeApi } from './compose-worker.ts';

let remote: Remote<ComposeApi> | null = null;

export function composeWorker(): Remote<ComposeApi> {
  remote ??= wrap<ComposeApi>(
    new Worker(new URL('./compose-worker.ts', import.meta.url), { type: 'module' }),
  );
  return remote;
}
