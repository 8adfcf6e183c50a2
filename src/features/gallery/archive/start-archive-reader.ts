/**
 * The page's side of the archive worker: a reader whose every call fails (instead of hanging)
 * if the worker dies, e.g. out of memory. Where there are no workers (unit tests in Node) the
 * same reader runs in place.
 */
import { wrap } from 'comlink';
import {
  createArchiveReader,
  type ArchiveReader,
  type ImageRead,
  type ImageRequest,
  type OpenedArchive,
} from './archive-reader.ts';

export interface RunningReader {
  reader: ArchiveReader;
  stop: () => void;
}

export function startArchiveReader(): RunningReader {
  if (typeof Worker === 'undefined') {
    const reader = createArchiveReader();
    return { reader, stop: () => void reader.close() };
  }
  const worker = new Worker(new URL('./archive-worker.ts', import.meta.url), {
    type: 'module',
    name: 'easel-archive-reader',
  });
  const remote = wrap<ArchiveReader>(worker);
  let failure: ((error: Error) => void) | null = null;
  const died = new Promise<never>((_, reject) => {
    failure = reject;
  });
  died.catch(() => undefined);
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    failure?.(new Error(`The archive reader stopped: ${event.message || 'it ran out of memory'}.`));
  });
  const guarded =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      Promise.race([call(...args), died]);
  const reader: ArchiveReader = {
    open: guarded((file: Blob): Promise<OpenedArchive> => remote.open(file)),
    readImages: guarded((requests: readonly ImageRequest[]): Promise<ImageRead[]> =>
      remote.readImages(requests),
    ),
    close: guarded(() => remote.close()),
  };
  return { reader, stop: () => worker.terminate() };
}
