import { describe, expect, it, vi } from 'vitest';
import { ComposeWorkerStopped } from '../compose/compose-client.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import { extendSession } from './extend-session.ts';
import type { ExtendFrameFiles } from './extend-tasks.ts';

const frameA: Rect = { x: 0, y: 0, width: 3072, height: 1024 };
const frameB: Rect = { x: 1024, y: 0, width: 3072, height: 1024 };
const files = { image: new Blob(['i']), newArea: new Blob(['n']), mask: new Blob(['m']) };
const bitmap = () => ({ close: vi.fn() }) as unknown as ImageBitmap;

/** A worker whose calls are recorded; `failNext` makes the named call stop once. */
function fakeWorker() {
  const calls: string[] = [];
  const failing = new Set<string>();
  const call =
    <T>(name: string, answer: () => T) =>
    async (...args: unknown[]): Promise<T> => {
      const frame = args.find(
        (a): a is Rect => typeof a === 'object' && a !== null && 'x' in a && 'width' in a,
      );
      calls.push(frame ? `${name}@${frame.x}` : name);
      if (failing.delete(name)) throw new ComposeWorkerStopped('out of memory');
      return answer();
    };
  return {
    calls,
    failNext: (name: string) => failing.add(name),
    worker: {
      extendOpen: call('open', () => undefined),
      extendFrame: call('frame', (): ExtendFrameFiles => files),
      extendPaste: call('paste', bitmap),
      extendPng: call('png', () => new Blob(['png'])),
      extendClose: call('close', () => undefined),
    },
  };
}

const start = {
  original: new Blob(['o']),
  canvas: { width: 4096, height: 1024 },
  at: { x: 1536, y: 0 },
};

describe('extendSession', () => {
  it('passes calls through while the worker lives', async () => {
    const { worker, calls } = fakeWorker();
    const session = extendSession(worker, 'k', start);
    await session.open();
    await session.frame(frameA, 48);
    await session.paste(frameA, new Blob(['a']));
    await session.png();
    expect(calls).toEqual(['open', 'frame@0', 'paste@0', 'png']);
    expect(session.resumed).toBe(false);
  });

  it('opens an extend that goes on from a stopped one with the frames it made, pasted again', async () => {
    const { worker, calls } = fakeWorker();
    const made = [{ frame: frameA, result: new Blob(['a']) }];
    const session = extendSession(worker, 'k', start, undefined, made);
    await session.open();
    await session.paste(frameB, new Blob(['b']));
    expect(calls).toEqual(['open', 'paste@0', 'paste@1024']);
    expect(session.pasted.map((p) => p.frame)).toEqual([frameA, frameB]);
  });

  it('reopens a fresh worker with the frames pasted so far, in order, and goes on', async () => {
    const { worker, calls, failNext } = fakeWorker();
    const resumed = vi.fn();
    const session = extendSession(worker, 'k', start, resumed);
    await session.open();
    await session.paste(frameA, new Blob(['a']));
    await session.paste(frameB, new Blob(['b']));
    calls.length = 0;
    failNext('frame');
    expect(await session.frame(frameB, 48)).toBe(files);
    expect(calls).toEqual(['frame@1024', 'open', 'paste@0', 'paste@1024', 'frame@1024']);
    expect(resumed).toHaveBeenCalledTimes(1);
    expect(session.resumed).toBe(true);
  });

  it('a paste that failed is not replayed, and is pasted once on the fresh worker', async () => {
    const { worker, calls, failNext } = fakeWorker();
    const session = extendSession(worker, 'k', start);
    await session.open();
    await session.paste(frameA, new Blob(['a']));
    calls.length = 0;
    failNext('paste');
    await session.paste(frameB, new Blob(['b']));
    expect(calls).toEqual(['paste@1024', 'open', 'paste@0', 'paste@1024']);
    await session.png();
    failNext('png');
    calls.length = 0;
    // Once per extend: a second stop ends it.
    await expect(session.png()).rejects.toBeInstanceOf(ComposeWorkerStopped);
    expect(calls).toEqual(['png']);
  });

  it('does not reopen for a failure that is not a stopped worker', async () => {
    const { worker, calls } = fakeWorker();
    worker.extendPng = async () => {
      calls.push('png');
      throw new Error('encode failed');
    };
    const session = extendSession(worker, 'k', start);
    await expect(session.png()).rejects.toThrow('encode failed');
    expect(calls).toEqual(['png']);
  });
});
