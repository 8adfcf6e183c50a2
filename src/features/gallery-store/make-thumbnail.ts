/**
 * The page's side of the thumbnail worker: one lazily started module worker, requests matched
 * to replies by id. `makeThumbnail` rejects when the image does not decode, which import
 * uses as its decode check.
 */
import {
  THUMBNAIL_MAX_EDGE,
  type Thumbnail,
  type ThumbnailRequest,
  type ThumbnailResponse,
} from './thumbnail-protocol.ts';

interface Pending {
  resolve: (thumbnail: Thumbnail) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(error: Error) {
  for (const request of pending.values()) request.reject(error);
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./thumbnails/thumbnail-worker.ts', import.meta.url), {
    type: 'module',
    name: 'easel-thumbnails',
  });
  started.onmessage = (event: MessageEvent<ThumbnailResponse>) => {
    const reply = event.data;
    const request = pending.get(reply.id);
    if (!request) return;
    pending.delete(reply.id);
    if (reply.ok) {
      request.resolve({ blob: reply.thumbnail, width: reply.width, height: reply.height });
    } else {
      request.reject(new Error(`The image could not be decoded (${reply.message}).`));
    }
  };
  // A crashed or unloadable worker fails what it was doing; the next request starts a new one.
  started.onerror = (event) => {
    event.preventDefault();
    failAll(new Error(`The thumbnail worker failed: ${event.message || 'unknown error'}.`));
    started.terminate();
    worker = null;
  };
  worker = started;
  return started;
}

export function makeThumbnail(image: Blob, maxEdge = THUMBNAIL_MAX_EDGE): Promise<Thumbnail> {
  if (typeof Worker === 'undefined') {
    return Promise.reject(new Error('This browser cannot make thumbnails (no Web Workers).'));
  }
  return new Promise<Thumbnail>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    const request: ThumbnailRequest = { id, image, maxEdge };
    getWorker().postMessage(request);
  });
}
