import { useCallback, useMemo } from 'react';
import { LazyImageViewer } from '../../viewer/lazy-image-viewer.tsx';
import type { ViewerImage } from '../../viewer/viewer-image.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { entryTitle } from '../entries/entry-labels.ts';
import { useCloseWhenDeleted } from '../hooks/use-close-when-deleted.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { entryViewerImage } from './entry-viewer-image.tsx';

/**
 * Two gallery images against each other in the studio's viewer (loaded on first use): A on
 * the left, B on the right, as a slider with a divider dragged on the picture or side by
 * side, zoomed and panned together. Each keeps its own shape; Swap trades the sides.
 */
export function AbCompare({ all }: { all: readonly GalleryEntry[] }) {
  const comparing = useGalleryUi((s) => s.comparing);
  const compare = useGalleryUi((s) => s.compare);
  const pair = useMemo(() => {
    if (!comparing) return null;
    const [a, b] = comparing.map((id) => all.find((e) => e.id === id));
    return a && b ? { a, b } : null;
  }, [all, comparing]);
  const closeDeleted = useCallback(() => compare(null), [compare]);
  useCloseWhenDeleted(
    pair
      ? [
          { id: pair.a.id, title: entryTitle(pair.a) },
          { id: pair.b.id, title: entryTitle(pair.b) },
        ]
      : [],
    comparing?.find((id) => !all.some((e) => e.id === id)) ?? null,
    closeDeleted,
  );

  const images = useMemo((): ViewerImage[] => {
    if (!pair) return [];
    const b = entryViewerImage(pair.b);
    return [
      {
        ...b,
        key: `${pair.a.id}/${pair.b.id}`,
        title: 'Compare A and B',
        subtitle: `A: ${entryTitle(pair.a)} · B: ${entryTitle(pair.b)}`,
      },
    ];
  }, [pair]);
  const reference = useMemo(
    () =>
      pair
        ? { image: entryViewerImage(pair.a), labels: ['A', 'B'] as [string, string] }
        : undefined,
    [pair],
  );
  const swap = () => pair && compare([pair.b.id, pair.a.id]);
  return (
    <LazyImageViewer
      images={images}
      index={pair ? 0 : null}
      onIndexChange={(i) => i === null && compare(null)}
      reference={reference}
      actions={() => (
        <button
          type="button"
          className="viewer-button"
          title="Put B on the left and A on the right"
          onClick={swap}
        >
          Swap A/B
        </button>
      )}
    />
  );
}
