/**
 * Real crashes of the compose worker, for the specs that check nothing is lost when it stops:
 * an uncaught error thrown inside the worker (as an out-of-memory would be), at the moment a
 * chosen call's message arrives, so the crash lands where the spec needs it every time.
 */
import type { Page, Worker } from '@playwright/test';
import { expect } from './generate-helpers.ts';

const isCompose = (worker: Worker) => worker.url().includes('compose-worker');

/**
 * Makes `worker` throw when the `nth` message calling `method` arrives. Resolves once that is
 * set up, with `stopped`, which resolves when the worker has stopped.
 */
export async function crashOnCall(
  worker: Worker,
  method: string,
  nth = 1,
): Promise<{ stopped: Promise<void> }> {
  const stopped = new Promise<void>((done) => worker.once('close', () => done()));
  await worker.evaluate(
    ([name, at]) => {
      let calls = 0;
      self.addEventListener('message', (event: MessageEvent<{ path?: string[] }>) => {
        if (event.data?.path?.[0] === name && ++calls === at)
          throw new Error('out of memory (test)');
      });
    },
    [method, nth] as const,
  );
  return { stopped };
}

/** The compose worker running now (the spec fails if there is none). */
export function composeWorker(page: Page): Worker {
  const worker = page.workers().find(isCompose);
  expect(worker, 'the compose worker is running').toBeDefined();
  return worker!;
}

/**
 * As crashOnCall, on the compose worker running now or, if none runs yet, on the first to
 * start (only that one: the fresh worker that replaces it is left alone). A worker that
 * starts later is set up as it starts, so the call must come a while after (an answer from
 * the engine, not the worker's first message).
 */
export async function crashComposeWorkerOnCall(
  page: Page,
  method: string,
  nth = 1,
): Promise<{ stopped: Promise<void> }> {
  const running = page.workers().find(isCompose);
  if (running) return crashOnCall(running, method, nth);
  const stopped = new Promise<void>((done, fail) => {
    page.on('worker', function first(worker) {
      if (!isCompose(worker)) return;
      page.off('worker', first);
      crashOnCall(worker, method, nth).then(({ stopped }) => stopped.then(done), fail);
    });
  });
  return { stopped };
}
