import { useEffect, useState } from 'react';
import { galleryExists, galleryKnownToExist } from './gallery-presence.ts';

/**
 * Whether this browser has a gallery to pick or show from, asked without loading the
 * database code. An answer already known is used in the first render, so a view that offers
 * the gallery is not drawn for a frame without it and then moved by it. `prerendered`: the
 * component is in the page built ahead, which cannot know; its first render must be the one
 * built (no gallery), and it learns the answer after.
 */
export function useGalleryExists({ prerendered = false } = {}): boolean {
  const [exists, setExists] = useState(() => !prerendered && galleryKnownToExist());
  useEffect(() => {
    if (exists) return;
    let live = true;
    void galleryExists().then((yes) => live && setExists(yes));
    return () => {
      live = false;
    };
  }, [exists]);
  return exists;
}
