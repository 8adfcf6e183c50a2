import { useEffect, useRef } from 'react';

/**
 * Shows a Blob in an <img> through an object URL that lives exactly as long as the element
 * shows it: created when the blob arrives, revoked when it changes or the element goes. Set
 * on the element directly, so no URL sits in React state or outlives its image.
 */
export function useBlobSrc(blob: Blob | null | undefined) {
  const ref = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const img = ref.current;
    if (!img || !blob) return;
    const url = URL.createObjectURL(blob);
    img.src = url;
    return () => {
      img.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [blob]);
  return ref;
}
