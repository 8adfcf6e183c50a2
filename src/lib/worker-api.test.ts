import { expose } from 'comlink';
import { describe, expect, it, vi } from 'vitest';
import { workerApi, type WorkerLike } from './worker-api.ts';

const api = {
  async double(n: number) {
    return n * 2;
  },
  async never(): Promise<never> {
    return new Promise(() => undefined);
  },
  async refuse(): Promise<never> {
    throw new Error('not a picture');
  },
};
type Api = typeof api;

/** A worker stand-in: the API exposed on one end of a MessageChannel, errors on demand. */
function fakeWorker() {
  const { port1, port2 } = new MessageChannel();
  expose(api, port2);
  const errors = new EventTarget();
  const worker: WorkerLike & { crash: (message: string) => void } = {
    postMessage: (message, transfer) => port1.postMessage(message, transfer ?? []),
    addEventListener: (type, listener) =>
      type === 'error'
        ? errors.addEventListener(type, listener)
        : port1.addEventListener(type, listener as never),
    removeEventListener: (type, listener) => port1.removeEventListener(type, listener as never),
    start: () => port1.start(),
    terminate: vi.fn(() => port1.close()),
    crash: (message) =>
      errors.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message })),
  };
  return worker;
}

const crashed = (reason: string) => new Error(`worker failed: ${reason}`);

/** A start function that keeps each worker it makes, to count them and crash one. */
function recordingStart() {
  const workers: ReturnType<typeof fakeWorker>[] = [];
  const start = () => {
    workers.push(fakeWorker());
    return workers.at(-1)!;
  };
  return { workers, start };
}

describe('workerApi', () => {
  it('calls the worker’s functions as methods, starting it on first use', async () => {
    const start = vi.fn(fakeWorker);
    const remote = workerApi<Api>({ start, crashed });
    expect(start).not.toHaveBeenCalled();
    expect(await remote.double(21)).toBe(42);
    expect(await remote.double(2)).toBe(4);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('passes on what the worker throws, as an error with its message', async () => {
    const remote = workerApi<Api>({ start: fakeWorker, crashed });
    await expect(remote.refuse()).rejects.toThrow('not a picture');
  });

  it('a crash fails every call in flight; the next call starts a fresh worker', async () => {
    const { workers, start } = recordingStart();
    const remote = workerApi<Api>({
      start,
      crashed,
    });
    const waiting = [remote.never(), remote.never()];
    await vi.waitFor(() => expect(workers).toHaveLength(1));
    workers[0]!.crash('out of memory');
    for (const call of waiting) await expect(call).rejects.toThrow('worker failed: out of memory');
    expect(workers[0]!.terminate).toHaveBeenCalled();
    expect(await remote.double(5)).toBe(10);
    expect(workers).toHaveLength(2);
  });

  it('a call that only releases what a worker holds starts none when none is running', async () => {
    const { workers, start } = recordingStart();
    const remote = workerApi<Api>({
      start,
      crashed,
      releaseOnly: ['double'],
    });
    expect(await remote.double(3)).toBeUndefined();
    expect(workers).toHaveLength(0);
    const waiting = remote.never();
    await vi.waitFor(() => expect(workers).toHaveLength(1));
    expect(await remote.double(3)).toBe(6);
    workers[0]!.crash('out of memory');
    await expect(waiting).rejects.toThrow('out of memory');
    expect(await remote.double(3)).toBeUndefined();
    expect(workers).toHaveLength(1);
  });

  it('where no worker can start, a release still reaches the fallback that holds the state', async () => {
    const released: number[] = [];
    const local = { ...api, double: async (n: number) => (released.push(n), n * 2) };
    const remote = workerApi<Api>({
      start: () => {
        throw new Error('workers are blocked here');
      },
      crashed,
      fallback: async () => local,
      releaseOnly: ['double'],
    });
    await expect(remote.refuse()).rejects.toThrow('not a picture');
    expect(await remote.double(3)).toBe(6);
    expect(released).toEqual([3]);
  });

  it('without a worker, runs the fallback on this thread, or says why it cannot', async () => {
    const start = () => {
      throw new Error('workers are blocked here');
    };
    const withFallback = workerApi<Api>({ start, crashed, fallback: async () => api });
    expect(await withFallback.double(4)).toBe(8);
    const without = workerApi<Api>({ start, crashed });
    await expect(without.double(4)).rejects.toThrow('worker failed: workers are blocked here');
  });
});
