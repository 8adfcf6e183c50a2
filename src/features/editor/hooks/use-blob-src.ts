import { useEffect, type RefObject } from 'react';

/**
 * Shows a blob in an <img> through an object URL, revoked when the blob changes or the
 * image goes. The URL is set on the element directly: it is DOM state, not React state.
 */
export function useBlobSrc(
  image: RefObject<HTMLImageElement | null>,
  blob: Blob | null | undefined,
) {
  useEffect(() => {
    const el = image.current;
    if (!el || !blob) return;
    const url = URL.createObjectURL(blob);
    el.setAttribute('src', url);
    return () => {
      el.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [image, blob]);
}
