import { useQueryClient } from '@tanstack/react-query';
import { memo, useState, type MouseEvent } from 'react';
import { entryLabel, entryTitle, KIND_LABEL } from '../entries/entry-labels.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { thumbnailQuery } from '../../gallery-store/gallery-queries.ts';
import { useSettled } from '../hooks/use-settled.ts';
import { writeEntryDrag } from '../../gallery-store/entry-drag.ts';
import { entryFileName } from '../../gallery-store/entry-file.ts';
import { TileActions } from './tile-actions.tsx';
import { TilePreview } from './tile-preview.tsx';
import type { LikeThisMode } from '../../jobs/like-this-mode.ts';

interface GalleryTileProps {
  entry: GalleryEntry;
  index: number;
  column: number;
  selected: boolean;
  tabbable: boolean;
  /**
   * The grid is being scrolled, or the tile is drawn beyond the view: a tile appearing now
   * waits a moment before loading.
   */
  waitToLoad: boolean;
  /** What "More like this" does on the active provider today (null: nothing). */
  likeThis: LikeThisMode | null;
  onClickTile: (index: number, event: MouseEvent) => void;
  onToggleSelected: (index: number) => void;
  onFocusTile: (index: number) => void;
}

/**
 * One grid cell: the stored thumbnail (and, drawn larger than that on screen, a sharper
 * picture made from the image), badges, the prompt and the hover actions.
 */
export const GalleryTile = memo(function GalleryTile({
  entry,
  index,
  column,
  selected,
  tabbable,
  waitToLoad,
  likeThis,
  onClickTile,
  onToggleSelected,
  onFocusTile,
}: GalleryTileProps) {
  const settled = useSettled(waitToLoad);
  // A thumbnail still cached (scrolling back) shows at once, waiting or not.
  const cached = useQueryClient().getQueryData(thumbnailQuery(entry.id).queryKey) !== undefined;
  const title = entryTitle(entry);
  // Pointed at or focused: its actions are about to be reached for (they check the picture
  // is here then, not as every tile is drawn).
  const [reachedFor, setReachedFor] = useState(false);
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
      onFocus={(event) => {
        setReachedFor(true);
        if (event.target === event.currentTarget) onFocusTile(index);
      }}
      onPointerEnter={() => setReachedFor(true)}
      // Dragged onto the Edit tab and the editor (or its reference images), it opens there.
      draggable={!entry.remote}
      onDragStart={(event) => writeEntryDrag(event.dataTransfer, entry.id, entryFileName(entry))}
    >
      <div className="gallery-tile__frame">
        {settled || cached ? <TilePreview entry={entry} sharpen={settled && !waitToLoad} /> : null}
        <span className="gallery-tile__badges" aria-hidden="true">
          {entry.kind !== 'generation' && (
            <span className="gallery-tile__badge">{KIND_LABEL[entry.kind]}</span>
          )}
          {entry.favourite === 1 && (
            <span className="gallery-tile__badge gallery-tile__badge--star">★</span>
          )}
        </span>
        <TileActions
          entry={entry}
          tabbable={tabbable}
          reachedFor={reachedFor}
          likeThis={likeThis}
        />
      </div>
      {/* The label is the checkbox's hit area: 44 px for a finger around a modest box, not
          clipped by the frame's rounded corner. A click on it selects, it does not open the
          tile. After the frame, to be drawn over it. */}
      <label className="gallery-tile__check-target" onClick={(event) => event.stopPropagation()}>
        <input
          type="checkbox"
          className="gallery-tile__check"
          tabIndex={-1}
          aria-label={`Select ${title.length > 60 ? `${title.slice(0, 57)}…` : title}`}
          checked={selected}
          onChange={() => onToggleSelected(index)}
        />
      </label>
      <div className="gallery-tile__caption" aria-hidden="true">
        {title}
      </div>
    </div>
  );
});
