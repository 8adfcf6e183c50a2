import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { gridCommandFor, nextGridIndex } from '../grid-navigation.ts';
import { useSetFavourite, useDeleteEntries } from '../hooks/use-gallery-actions.ts';
import { useContentSize } from '../../../lib/use-content-size.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { MIN_TILE, useTileSize } from '../stores/tile-size.ts';
import { useLikeThisMode } from '../../jobs/use-like-this-mode.ts';
import { GalleryTile } from './gallery-tile.tsx';
import './gallery-grid.css';

const GAP = 12;
const CAPTION = 30;

/**
 * The virtualized grid of thumbnails (ARIA grid, accessible name "Gallery"). Only the rows
 * in view, plus two above and below, exist in the DOM; the rest is empty scroll height.
 * One tile is tabbable (roving tabindex); arrows, Home/End and PageUp/PageDown move focus,
 * Enter opens the detail view, Space selects, Ctrl+A selects everything shown, Escape clears
 * the selection, Delete deletes (with undo), F toggles favourite.
 */
export function GalleryGrid({ entries }: { entries: readonly GalleryEntry[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { width } = useContentSize(scrollRef);
  const minTile = MIN_TILE[useTileSize((s) => s.size)];
  const columns = Math.max(1, Math.floor((width + GAP) / (minTile + GAP)));
  const tileWidth = width > 0 ? (width - GAP * (columns - 1)) / columns : minTile;
  const rowHeight = Math.round(tileWidth + CAPTION + GAP);
  const rowCount = Math.ceil(entries.length / columns);

  // The app does not use the React Compiler; the grid re-renders from the virtualizer's own
  // scroll state, which is what this rule warns a compiled component would miss.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 2,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const selected = useGalleryUi((s) => s.selected);
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, Math.max(0, entries.length - 1));
  const focusPending = useRef(false);
  const deleteEntries = useDeleteEntries();
  const setFavourite = useSetFavourite();
  const likeThis = useLikeThisMode();

  // Focus follows keyboard moves once the virtualizer has rendered the target row.
  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const tile = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (tile) {
      focusPending.current = false;
      tile.focus({ preventScroll: true });
    }
  });

  // A focused tile leaves the DOM when its image is deleted (from the keyboard or the detail
  // view), and the focus would fall to the page: it goes to the tile that took its place.
  useEffect(() => {
    const grid = scrollRef.current;
    if (!grid) return;
    const onFocusOut = (event: FocusEvent) => {
      const tile = event.target as HTMLElement;
      if (event.relatedTarget || tile.getAttribute('role') !== 'gridcell') return;
      const index = tile.dataset.index;
      // After this commit: the tiles now drawn are the ones to choose from.
      setTimeout(() => {
        const focused = document.activeElement;
        if (tile.isConnected || (focused && focused !== document.body)) return;
        const cells = grid.querySelectorAll<HTMLElement>('[role="gridcell"]');
        const next =
          grid.querySelector<HTMLElement>(`[data-index="${index}"]`) ??
          cells.item(cells.length - 1);
        next?.focus({ preventScroll: true });
      });
    };
    grid.addEventListener('focusout', onFocusOut);
    return () => grid.removeEventListener('focusout', onFocusOut);
  }, []);

  // An image put back by Undo takes the focus once its tile is here, unless something else
  // has it by then.
  const focusEntryId = useGalleryUi((s) => s.focusEntryId);
  useEffect(() => {
    const index = focusEntryId ? entries.findIndex((e) => e.id === focusEntryId) : -1;
    if (index < 0) return;
    useGalleryUi.getState().focusEntry(null);
    const focused = document.activeElement;
    if (focused && focused !== document.body) return;
    setActiveIndex(index);
    focusPending.current = true;
    virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' });
  }, [entries, focusEntryId, columns, virtualizer]);

  const moveTo = (index: number) => {
    setActiveIndex(index);
    focusPending.current = true;
    virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' });
  };

  const onClickTile = useCallback(
    (index: number, event: MouseEvent) => {
      const entry = entries[index];
      if (!entry) return;
      setActiveIndex(index);
      const ui = useGalleryUi.getState();
      if (event.shiftKey && ui.anchorId) {
        const anchor = entries.findIndex((e) => e.id === ui.anchorId);
        const [from, to] = anchor < index ? [anchor, index] : [index, anchor];
        ui.setSelection(entries.slice(Math.max(0, from), to + 1).map((e) => e.id));
      } else if (event.ctrlKey || event.metaKey || ui.selected.size > 0) {
        ui.toggleSelected(entry.id);
      } else {
        ui.openEntry(entry.id);
      }
    },
    [entries],
  );
  const onToggleSelected = useCallback(
    (index: number) => {
      const entry = entries[index];
      if (entry) useGalleryUi.getState().toggleSelected(entry.id);
    },
    [entries],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const ui = useGalleryUi.getState();
    const entry = entries[active];
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight));
    const ctrl = event.ctrlKey || event.metaKey;
    const target = nextGridIndex(
      event.key,
      active,
      { count: entries.length, columns, pageRows },
      ctrl,
    );
    if (target !== null) {
      event.preventDefault();
      return moveTo(target);
    }
    if (!entry) return;
    // The keys are defined once in grid-navigation.ts (the shortcuts panel lists them).
    switch (gridCommandFor(event)) {
      case 'open':
        ui.openEntry(entry.id);
        break;
      case 'toggle-selected':
        ui.toggleSelected(entry.id);
        break;
      case 'select-all':
        ui.setSelection(entries.map((e) => e.id));
        break;
      case 'clear-selection':
        if (ui.selected.size === 0) return;
        ui.clearSelection();
        break;
      case 'delete':
        deleteEntries.mutate(ui.selected.size > 0 ? [...ui.selected] : [entry.id]);
        break;
      case 'favourite':
        setFavourite.mutate({ ids: [entry.id], favourite: entry.favourite !== 1 });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const rows = virtualizer.getVirtualItems();
  // The rows drawn beyond the view (overscan) wait to load their thumbnails as tiles crossing
  // the screen in a scroll do: the first screen's decodes then do not share the cores with
  // those of tiles no one sees yet.
  const viewTop = virtualizer.scrollOffset ?? 0;
  const viewHeight = virtualizer.scrollRect?.height ?? 0;
  const inView = (row: { start: number; end: number }) =>
    viewHeight === 0 || (row.end > viewTop && row.start < viewTop + viewHeight);
  const activeRow = Math.floor(active / columns);
  const tabbable = rows.some((row) => row.index === activeRow)
    ? active
    : (rows[0]?.index ?? 0) * columns;

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="Gallery"
      aria-rowcount={rowCount}
      aria-colcount={columns}
      aria-multiselectable="true"
      className="gallery-grid"
      onKeyDown={onKeyDown}
    >
      <div
        role="none"
        className="gallery-grid__sizer"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) => (
          <div
            key={row.key}
            role="row"
            aria-rowindex={row.index + 1}
            className="gallery-grid__row"
            style={{
              transform: `translateY(${row.start}px)`,
              height: rowHeight - GAP,
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            }}
          >
            {entries.slice(row.index * columns, row.index * columns + columns).map((entry, col) => {
              const index = row.index * columns + col;
              return (
                <GalleryTile
                  key={entry.id}
                  entry={entry}
                  index={index}
                  column={col}
                  selected={selected.has(entry.id)}
                  tabbable={index === tabbable}
                  waitToLoad={virtualizer.isScrolling || !inView(row)}
                  likeThis={likeThis}
                  onClickTile={onClickTile}
                  onToggleSelected={onToggleSelected}
                  onFocusTile={setActiveIndex}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
