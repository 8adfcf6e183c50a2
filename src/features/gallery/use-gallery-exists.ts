import { useEffect, useState } from 'react';
import { galleryExists } from '../gallery-store/gallery-presence.ts';

/**
 * Whether this browser has a gallery to show from (the recent strip asks before it loads
 * the database code). False until known, also in the prerendered page, which cannot know.
 */
export function useGalleryExists(): boolean {
  const [exists, setExists] = useState(false);
  useEffect(() => {
    let live = true;
    void galleryExists().then((yes) => live && setExists(yes));
    return () => {
      live = false;
    };
  }, []);
  return exists;
}
