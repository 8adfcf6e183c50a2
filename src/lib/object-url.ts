import { useEffect } from 'react';

interface SharedUrl {
  url: string;
  users: number;
  timer?: ReturnType<typeof setTimeout>;
}

// One object URL per Blob, shared by every component showing it and revoked a moment after
// the last one goes away (the delay lets StrictMode's unmount/remount keep the same URL).
const urls = new WeakMap<Blob, SharedUrl>();

function acquire(blob: Blob): SharedUrl {
  let shared = urls.get(blob);
  if (!shared) {
    shared = { url: URL.createObjectURL(blob), users: 0 };
    urls.set(blob, shared);
  }
  return shared;
}

function hold(blob: Blob): SharedUrl {
  const shared = acquire(blob);
  shared.users++;
  clearTimeout(shared.timer);
  return shared;
}

function release(blob: Blob, shared: SharedUrl, afterMs = 1000): void {
  shared.users--;
  if (shared.users > 0) return;
  shared.timer = setTimeout(() => {
    if (shared.users > 0) return;
    URL.revokeObjectURL(shared.url);
    urls.delete(blob);
  }, afterMs);
}

/** An object URL for a Blob, valid while a component using it is mounted. */
export function useObjectUrl(blob: Blob | null | undefined): string | undefined {
  const url = blob ? acquire(blob).url : undefined;
  useEffect(() => {
    if (!blob) return;
    const shared = hold(blob);
    return () => release(blob, shared);
  }, [blob]);
  return url;
}

// The decoding elements, kept alive while held: their decoded pixels are what is reused.
const decoding = new Set<HTMLImageElement>();

/**
 * Decodes an image Blob through the very object URL its tile will use, while something else
 * (saving it) is still to happen before it is shown: the browser keeps the decoded pixels for
 * that URL, so the frame that shows the image does not wait for a 1024² PNG decode. The URL
 * and the pixels are held until `until` settles (the tile, mounted by then, holds its own),
 * then let go like a tile's: nothing outlives a result removed from the list. Never rejects
 * (an undecodable image is the tile's business). Without a DOM (tests), does nothing.
 */
export function decodeAhead(blob: Blob, until: Promise<unknown>): Promise<void> {
  if (typeof Image === 'undefined') return Promise.resolve();
  const shared = hold(blob);
  const image = new Image();
  decoding.add(image);
  image.src = shared.url;
  const decoded = image.decode().catch(() => undefined);
  const shown = until.catch(() => undefined);
  return Promise.all([decoded, shown]).then(() => {
    decoding.delete(image);
    release(blob, shared);
  });
}
