import { useEffect, useEffectEvent, useState } from 'react';
import type { ViewerImage } from './viewer-image.ts';

type Loaded = { key: string; blob: Blob } | { key: string; error: string };

/** The image's bytes: at once when the caller has them, else read through `load`. */
export function useViewerBlob(image: ViewerImage | undefined): {
  blob: Blob | null;
  error: string | null;
} {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = image?.key;
  const needsLoad = !image?.blob && image?.load !== undefined;
  // Callers pass a fresh `load` each render; the image's key says when to read again.
  const read = useEffectEvent(() => image?.load?.() ?? Promise.reject(new Error('No image.')));
  useEffect(() => {
    if (!key || !needsLoad) return;
    let live = true;
    read().then(
      (blob) => live && setLoaded({ key, blob }),
      (error: unknown) =>
        live &&
        setLoaded({
          key,
          error: error instanceof Error ? error.message : 'The image could not be read.',
        }),
    );
    return () => {
      live = false;
    };
  }, [key, needsLoad]);
  if (!image) return { blob: null, error: null };
  if (image.blob) return { blob: image.blob, error: null };
  if (!image.load)
    return { blob: null, error: 'Only a link to this image was kept; its bytes are not here.' };
  if (loaded?.key !== image.key) return { blob: null, error: null };
  return 'blob' in loaded
    ? { blob: loaded.blob, error: null }
    : { blob: null, error: loaded.error };
}
