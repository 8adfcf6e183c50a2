import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Icon, type IconName } from '../../../lib/ui/icons.tsx';
import type { LikeThisMode } from '../../jobs/like-this-mode.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { galleryKeys, imageStoredQuery } from '../../gallery-store/gallery-queries.ts';
import { useArchiveStore } from '../stores/archive-store.ts';
import {
  downloadEntry,
  editEntry,
  likeThisEntry,
  likeThisHint,
  toggleFavourite,
} from '../entries/entry-commands.ts';
import './tile-actions.css';

interface TileActionsProps {
  entry: GalleryEntry;
  /** The tile holds the grid's one tab stop: its actions follow it in the tab order. */
  tabbable: boolean;
  /**
   * Pointed at or focused: whether the picture's bytes are still here is read then, not for
   * every tile the grid draws.
   */
  reachedFor: boolean;
  likeThis: LikeThisMode | null;
}

/**
 * Favourite, Download, Edit and More like this on a tile. With a mouse they show while the
 * pointer is over the tile or the focus is in it; on a touch screen (no hover) an Actions
 * button in the corner shows them. A click here never opens or selects the tile.
 */
export function TileActions({ entry, tabbable, reachedFor, likeThis }: TileActionsProps) {
  const [open, setOpen] = useState(false);
  const tabIndex = tabbable ? 0 : -1;
  const favourite = entry.favourite === 1;
  const stored = useQuery({
    ...imageStoredQuery(entry.id),
    enabled: !entry.remote && (reachedFor || open),
  });
  // Download, Edit and More like this need the picture: not offered once it is known gone
  // (the viewer says why and what to do). Until that is known they are; one that fails says
  // so in the gallery's notice, and the tile reads again whether the picture is here.
  const local = !entry.remote && stored.data !== false;
  const queryClient = useQueryClient();
  const report = (what: string, error: unknown) => {
    useArchiveStore.getState().reportFailure(what, error);
    void queryClient.invalidateQueries({ queryKey: galleryKeys.stored(entry.id) });
  };
  // Each action closes the touch menu and keeps the click from the tile.
  const act = (action: () => void) => (event: MouseEvent) => {
    event.stopPropagation();
    setOpen(false);
    action();
  };
  // Keys pressed on a button are the button's, not the grid's (Enter would open the tile);
  // Escape goes back to the tile.
  const keepKeys = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Tab') return;
    event.stopPropagation();
    if (event.key !== 'Escape') return;
    setOpen(false);
    event.currentTarget.closest<HTMLElement>('[role="gridcell"]')?.focus();
  };
  return (
    <div className="tile-actions" data-open={open} onKeyDown={keepKeys}>
      <button
        type="button"
        className="tile-actions__toggle"
        tabIndex={tabIndex}
        aria-expanded={open}
        aria-label="Actions"
        onClick={(event) => {
          event.stopPropagation();
          setOpen(!open);
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {/* Open on a touch screen, the bar is an overlay over the whole picture: a tap on it
          beside the buttons dismisses the menu, and only that (the tile does not open). */}
      <div
        className="tile-actions__bar"
        role="group"
        aria-label="Image actions"
        onClick={(event) => {
          if (!open) return;
          event.stopPropagation();
          setOpen(false);
        }}
      >
        <TileAction
          icon="star"
          label="Favourite"
          title={favourite ? 'Remove from favourites (F)' : 'Add to favourites (F)'}
          pressed={favourite}
          tabIndex={tabIndex}
          onClick={act(toggleFavourite(entry))}
        />
        {stored.data === false && (
          // Why Download, Edit and More like this are not here; the viewer says what to do.
          <span className="tile-actions__note">Picture missing</span>
        )}
        {local && (
          <TileAction
            icon="download"
            label="Download"
            title="Download"
            tabIndex={tabIndex}
            onClick={act(downloadEntry(entry, report))}
          />
        )}
        {local && (
          <TileAction
            icon="edit"
            label="Edit"
            title="Open in the editor"
            tabIndex={tabIndex}
            onClick={act(editEntry(entry, report))}
          />
        )}
        {local && likeThis && (
          <TileAction
            icon="variations"
            label={likeThis.label}
            title={likeThisHint(likeThis)}
            tabIndex={tabIndex}
            onClick={act(likeThisEntry(entry, likeThis, report))}
          />
        )}
      </div>
    </div>
  );
}

interface TileActionProps {
  icon: IconName;
  label: string;
  title: string;
  /** A toggle (Favourite) says whether it is on. */
  pressed?: boolean;
  tabIndex: number;
  onClick: (event: MouseEvent) => void;
}

/** One icon button on the tile's action bar. */
function TileAction({ icon, label, title, pressed, tabIndex, onClick }: TileActionProps) {
  return (
    <button
      type="button"
      className="tile-action"
      tabIndex={tabIndex}
      aria-pressed={pressed}
      aria-label={label}
      title={title}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}
