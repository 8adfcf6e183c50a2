import { useQuery } from '@tanstack/react-query';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { thumbnailQuery } from '../../gallery-store/gallery-queries.ts';
import { useThumbnailCanvas } from '../../../lib/use-thumbnail-canvas.ts';
import { useSharpTile } from '../hooks/use-sharp-tile.ts';

/**
 * A grid tile's stored thumbnail, or why there is none. Once it shows, a tile drawn larger
 * than the thumbnail and on screen (`sharpen`) gets a sharper picture made from the image.
 */
export function TilePreview({ entry, sharpen }: { entry: GalleryEntry; sharpen: boolean }) {
  const thumbnail = useQuery(thumbnailQuery(entry.id));
  const { canvasRef, failed, shown } = useThumbnailCanvas(thumbnail.data);
  useSharpTile(canvasRef, entry, thumbnail.data ?? undefined, sharpen && shown);
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
