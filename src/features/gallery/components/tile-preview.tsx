import { useQuery } from '@tanstack/react-query';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { thumbnailQuery } from '../../gallery-store/gallery-queries.ts';
import { useThumbnailCanvas } from '../../../lib/use-thumbnail-canvas.ts';

/** A grid tile's stored thumbnail (never the full image), or why there is none. */
export function TilePreview({ entry }: { entry: GalleryEntry }) {
  const thumbnail = useQuery(thumbnailQuery(entry.id));
  const { canvasRef, failed } = useThumbnailCanvas(thumbnail.data);
  if (thumbnail.data && !failed)
    return <canvas ref={canvasRef} className="gallery-tile__image" aria-hidden="true" />;
  if (thumbnail.isPending) return null;
  return (
    <span className="gallery-tile__placeholder">
      {entry.remote
        ? 'Link only'
        : thumbnail.isError || failed
          ? 'Preview unreadable'
          : 'No preview'}
    </span>
  );
}
