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

/** An object URL for a Blob, valid while a component using it is mounted. */
export function useObjectUrl(blob: Blob | null | undefined): string | undefined {
  const url = blob ? acquire(blob).url : undefined;
  useEffect(() => {
    if (!blob) return;
    const shared = acquire(blob);
    shared.users++;
    clearTimeout(shared.timer);
    return () => {
      shared.users--;
      if (shared.users > 0) return;
      shared.timer = setTimeout(() => {
        if (shared.users > 0) return;
        URL.revokeObjectURL(shared.url);
        urls.delete(blob);
      }, 1000);
    };
  }, [blob]);
  return url;
}
