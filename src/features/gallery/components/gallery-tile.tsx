import { useQuery } from '@tanstack/react-query';
import { memo, type MouseEvent } from 'react';
import { entryLabel, entryTitle, KIND_LABEL } from '../entry-labels.ts';
import type { GalleryEntry } from '../gallery-entry.ts';
import { thumbnailQuery } from '../hooks/gallery-queries.ts';
import { useThumbnailCanvas } from '../hooks/use-thumbnail-canvas.ts';

interface GalleryTileProps {
  entry: GalleryEntry;
  index: number;
  column: number;
  selected: boolean;
  tabbable: boolean;
  onClickTile: (index: number, event: MouseEvent) => void;
  onToggleSelected: (index: number) => void;
  onFocusTile: (index: number) => void;
}

/** One grid cell: the stored thumbnail (never the full image), badges and the prompt. */
export const GalleryTile = memo(function GalleryTile({
  entry,
  index,
  column,
  selected,
  tabbable,
  onClickTile,
  onToggleSelected,
  onFocusTile,
}: GalleryTileProps) {
  const thumbnail = useQuery(thumbnailQuery(entry.id));
  const { canvasRef, failed: previewFailed } = useThumbnailCanvas(thumbnail.data);
  const title = entryTitle(entry);
  return (
    <div
      role="gridcell"
      aria-colindex={column + 1}
      aria-selected={selected}
      aria-label={entryLabel(entry)}
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      data-entry-id={entry.id}
      className="gallery-tile"
      onClick={(event) => onClickTile(index, event)}
      onFocus={(event) => event.target === event.currentTarget && onFocusTile(index)}
    >
      <div className="gallery-tile__frame">
        {thumbnail.data && !previewFailed ? (
          <canvas ref={canvasRef} className="gallery-tile__image" aria-hidden="true" />
        ) : thumbnail.isPending ? null : (
          <span className="gallery-tile__placeholder">
            {entry.remote
              ? 'Link only'
              : thumbnail.isError || previewFailed
                ? 'Preview unreadable'
                : 'No preview'}
          </span>
        )}
        <input
          type="checkbox"
          className="gallery-tile__check"
          tabIndex={-1}
          aria-label={`Select ${title.length > 60 ? `${title.slice(0, 57)}…` : title}`}
          checked={selected}
          onChange={() => onToggleSelected(index)}
          onClick={(event) => event.stopPropagation()}
        />
        <span className="gallery-tile__badges" aria-hidden="true">
          {entry.kind !== 'generation' && (
            <span className="gallery-tile__badge">{KIND_LABEL[entry.kind]}</span>
          )}
          {entry.favourite === 1 && (
            <span className="gallery-tile__badge gallery-tile__badge--star">★</span>
          )}
        </span>
      </div>
      <div className="gallery-tile__caption" aria-hidden="true">
        {title}
      </div>
    </div>
  );
});
