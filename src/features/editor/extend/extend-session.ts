/**
 * An extend's canvas in the compose worker, kept through a worker that stops. The canvas
 * lives in the worker; the frames pasted into it so far are remembered here (they are in the
 * gallery too). If the worker stops (out of memory on a wide canvas), a fresh one is given
 * the original and those frames again and the extend goes on, instead of ending with the
 * frames paid for and the canvas lost. Once per extend: a crash that repeats ends it.
 */
import type { Dimensions } from '../../../api/model-types.ts';
import { sessionLost } from '../compose/compose-client.ts';
import type { ComposeApi } from '../compose/compose-worker.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import type { ExtendFrameFiles } from './extend-tasks.ts';

type ExtendWorker = Pick<
  ComposeApi,
  'extendOpen' | 'extendFrame' | 'extendPaste' | 'extendPng' | 'extendClose'
>;

export interface ExtendSession {
  open(): Promise<void>;
  frame(frame: Rect, band: number): Promise<ExtendFrameFiles>;
  /** Pastes a finished frame; the canvas so far, to show. */
  paste(frame: Rect, result: Blob): Promise<ImageBitmap>;
  png(): Promise<Blob>;
  close(): void;
  /** Whether a fresh worker took over after one stopped. */
  readonly resumed: boolean;
  /** The frames on the canvas, in the order pasted. */
  readonly pasted: readonly { frame: Rect; result: Blob }[];
}

export function extendSession(
  worker: ExtendWorker,
  key: string,
  start: { original: Blob; canvas: Dimensions; at: { x: number; y: number } },
  onResume: () => void = () => undefined,
  made: readonly { frame: Rect; result: Blob }[] = [],
): ExtendSession {
  const pasted = [...made];
  let resumed = false;
  /** The original on the canvas, and the frames pasted so far onto it. */
  const open = async () => {
    await worker.extendOpen(key, start.original, start.canvas, start.at);
    for (const { frame, result } of pasted) (await worker.extendPaste(key, frame, result)).close();
  };

  async function kept<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (resumed || !sessionLost(error)) throw error;
      resumed = true;
      await open();
      onResume();
      return run();
    }
  }

  return {
    open: () => kept(open),
    frame: (frame, band) => kept(() => worker.extendFrame(key, frame, band)),
    async paste(frame, result) {
      const preview = await kept(() => worker.extendPaste(key, frame, result));
      pasted.push({ frame, result });
      return preview;
    },
    png: () => kept(() => worker.extendPng(key)),
    close: () => void worker.extendClose(key).catch(() => undefined),
    get resumed() {
      return resumed;
    },
    get pasted() {
      return pasted;
    },
  };
}
