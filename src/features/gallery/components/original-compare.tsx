import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { LazyImageViewer } from '../../viewer/lazy-image-viewer.tsx';
import type { ViewerImage } from '../../viewer/viewer-image.ts';
import { entryQuery } from '../../gallery-store/gallery-queries.ts';
import { entryTitle } from '../entries/entry-labels.ts';
import { useCloseWhenDeleted } from '../hooks/use-close-when-deleted.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { entryViewerImage } from './entry-viewer-image.tsx';

/**
 * An image against the one it was made from — an edit against the image it edited (a
 * generation, an earlier edit, the designer's uploaded photo) — in the viewer's compare:
 * Before on the left, After on the right, a divider or side by side, zoomed together.
 * Closing goes back to the image's detail view. Loaded only when asked for.
 */
export function OriginalCompare({ id }: { id: string }) {
  const compareOriginal = useGalleryUi((s) => s.compareOriginal);
  const openEntry = useGalleryUi((s) => s.openEntry);
  const entryRead = useQuery(entryQuery(id));
  const entry = entryRead.data;
  const parentId = entry?.parentId ?? '';
  const parentRead = useQuery({ ...entryQuery(parentId), enabled: parentId !== '' });
  const parent = parentRead.data;
  // Read again after a change elsewhere and found gone: the edit, or the image it edited.
  const gone = (read: typeof entryRead) => read.isSuccess && !read.isFetching && !read.data;
  const closeDeleted = useCallback(() => compareOriginal(null), [compareOriginal]);
  useCloseWhenDeleted(
    [entry, parent].flatMap((e) => (e ? [{ id: e.id, title: entryTitle(e) }] : [])),
    gone(entryRead) ? id : parentId && gone(parentRead) ? parentId : null,
    closeDeleted,
  );

  const images = useMemo((): ViewerImage[] => {
    if (!entry || !parent) return [];
    return [
      {
        ...entryViewerImage(entry),
        key: `${parent.id}/${entry.id}`,
        title: 'Compare with the original',
        subtitle: `Before: ${entryTitle(parent)} · After: ${entryTitle(entry)}`,
        alt: `After: ${entryTitle(entry)}`,
      },
    ];
  }, [entry, parent]);
  const reference = useMemo(
    () =>
      parent
        ? {
            image: { ...entryViewerImage(parent), alt: `Before: ${entryTitle(parent)}` },
            labels: ['Before', 'After'] as [string, string],
          }
        : undefined,
    [parent],
  );
  return (
    <LazyImageViewer
      images={images}
      index={images.length > 0 ? 0 : null}
      onIndexChange={(i) => {
        if (i !== null) return;
        compareOriginal(null);
        openEntry(id);
      }}
      reference={reference}
    />
  );
}
