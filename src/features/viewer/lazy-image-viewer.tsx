import { lazy, Suspense, useState } from 'react';
import type { ImageViewerProps } from './image-viewer.tsx';

// The viewer (zoom, pan, compare) loads the first time a picture is opened, not with the studio.
const ImageViewer = lazy(() =>
  import('./image-viewer.tsx').then((m) => ({ default: m.ImageViewer })),
);

/**
 * The image viewer, fetched on first use. Once loaded it stays mounted, so closing it runs
 * the dialog's close (focus goes back to what opened it) instead of tearing it down.
 */
export function LazyImageViewer(props: ImageViewerProps) {
  const [wanted, setWanted] = useState(false);
  if (props.index !== null && !wanted) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <ImageViewer {...props} />
    </Suspense>
  );
}
