import { lazy, Suspense } from 'react';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';

// Loaded when asked for ("Compare with original"), not with the Gallery view.
const OriginalCompare = lazy(() =>
  import('./original-compare.tsx').then((m) => ({ default: m.OriginalCompare })),
);

/** An image against the one it was made from, while asked for (original-compare.tsx). */
export function LazyOriginalCompare() {
  const id = useGalleryUi((s) => s.comparingOriginal);
  return id ? (
    <Suspense fallback={null}>
      <OriginalCompare id={id} />
    </Suspense>
  ) : null;
}
