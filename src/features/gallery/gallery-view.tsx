import { useEffect } from 'react';
import {
  GALLERY_ADVICE,
  toGalleryStorageError,
  type GalleryStorageErrorKind,
} from '../gallery-store/gallery-storage-error.ts';
import { useGalleryEntries } from './hooks/use-gallery-entries.ts';
import { requestPersistentStorage } from '../gallery-store/storage-estimate.ts';
import { useArchiveStore } from './stores/archive-store.ts';
import { useGalleryUi } from './stores/gallery-ui-store.ts';
import { useUndoStore } from './stores/undo-store.ts';
import { isFiltered } from './entries/entry-filter.ts';
import { AbCompare } from './components/ab-compare.tsx';
import { LazyOriginalCompare } from './components/lazy-original-compare.tsx';
import { CostSummary } from './components/cost-summary.tsx';
import { EntryDetailDialog } from './components/entry-detail-dialog.tsx';
import { LazyGalleryGrid } from './components/lazy-gallery-grid.tsx';
import { GalleryNotice } from './components/gallery-notice.tsx';
import { GalleryToolbar } from './components/gallery-toolbar.tsx';
import { BoardBar } from './components/board-bar.tsx';
import { ImportArchiveButton } from './components/import-archive-button.tsx';
import { SavingStoppedNotice } from './components/saving-stopped-notice.tsx';
import { SelectionBar } from './components/selection-bar.tsx';
import { StorageMeter } from './components/storage-meter.tsx';
import { LazyUndoDeleteToast } from './components/lazy-undo-toast.tsx';
import './gallery.css';

/** Why the gallery cannot be listed, where the save messages ("this result…") do not fit. */
const OPEN_PROBLEM: Partial<Record<GalleryStorageErrorKind, string>> = {
  disk: 'The gallery cannot be opened: the disk is full.',
  quota: 'The gallery cannot be opened: the disk or the browser’s storage for this site is full.',
};

/** The gallery: every result kept on this device, searchable, reusable, exportable. */
export function GalleryView() {
  const { all, shown, isPending, error } = useGalleryEntries();
  const resetFilter = useGalleryUi((s) => s.resetFilter);
  const filter = useGalleryUi((s) => s.filter);
  const setFilter = useGalleryUi((s) => s.setFilter);
  const exportEntries = useArchiveStore((s) => s.exportEntries);
  const exporting = useArchiveStore((s) => s.status.state === 'working');
  // An empty gallery can export nothing: work under way there is an import filling it.
  const importing = exporting && all.length === 0;
  const undoable = useUndoStore((s) => s.lastDelete !== null);
  useEffect(() => void requestPersistentStorage(), []);
  useSelectionOfShown(shown, isPending);

  const total = all.length.toLocaleString();
  const count =
    shown.length === all.length
      ? `${total} ${all.length === 1 ? 'image' : 'images'}`
      : `${shown.length.toLocaleString()} of ${total} images`;

  let body;
  if (error) {
    const problem = toGalleryStorageError(error);
    body = (
      <div className="gallery__empty" role="alert">
        <p>{OPEN_PROBLEM[problem.kind] ?? problem.message}</p>
        <p>{GALLERY_ADVICE[problem.kind]}</p>
      </div>
    );
  } else if (isPending) {
    // The newest few, while every entry is still being read (use-gallery-entries.ts).
    body =
      shown.length > 0 ? (
        <LazyGalleryGrid entries={shown} />
      ) : (
        <p className="gallery__empty">Opening the gallery…</p>
      );
  } else if (all.length === 0 && importing) {
    body = <p className="gallery__empty">The images appear here as they are imported.</p>;
  } else if (all.length === 0 && undoable) {
    // Not "Nothing here yet" while the delete can still be taken back.
    body = (
      <div className="gallery__empty">
        <p className="gallery__empty-title">All images deleted</p>
        <p>Choose Undo in the notice to bring them back.</p>
      </div>
    );
  } else if (all.length === 0) {
    body = (
      <div className="gallery__empty">
        <p className="gallery__empty-title">Nothing here yet</p>
        <p>
          Every image you generate, edit or vary is kept here, on this device, with its prompt and
          settings. You can also import a gallery archive exported from Easel.
        </p>
      </div>
    );
  } else if (shown.length === 0 && filter.board && !isFiltered(filter)) {
    body = (
      <div className="gallery__empty">
        <p className="gallery__empty-title">This board is empty</p>
        <p>Select images in All images, then choose Add to board.</p>
        <button type="button" className="button" onClick={() => setFilter({ board: null })}>
          Show all images
        </button>
      </div>
    );
  } else if (shown.length === 0) {
    body = (
      <div className="gallery__empty">
        <p className="gallery__empty-title">No images match</p>
        <button type="button" className="button" onClick={resetFilter}>
          Clear filters
        </button>
      </div>
    );
  } else {
    body = <LazyGalleryGrid entries={shown} />;
  }

  return (
    <section className="gallery" aria-labelledby="gallery-title">
      <div className="gallery__header">
        <div className="gallery__heading">
          <h2 id="gallery-title">Gallery</h2>
          {/* Its room is kept while every entry is still being read: the meter beside it
              would otherwise jump sideways when the count comes. */}
          <span className="gallery__count">{!isPending && !error && count}</span>
        </div>
        <StorageMeter />
        <div className="gallery__archive">
          <ImportArchiveButton />
          <button
            type="button"
            className="button"
            disabled={all.length === 0 || exporting}
            onClick={() => void exportEntries(null)}
          >
            Export all
          </button>
        </div>
      </div>
      <BoardBar all={all} />
      <GalleryToolbar
        all={all}
        more={<CostSummary entries={shown} pending={isPending && shown.length > 0} />}
      />
      <SelectionBar shown={shown} />
      <SavingStoppedNotice canExport={all.length > 0 && !exporting} />
      <GalleryNotice />
      {body}
      <EntryDetailDialog shown={shown} />
      <AbCompare all={all} />
      <LazyOriginalCompare />
      <LazyUndoDeleteToast />
    </section>
  );
}

/**
 * The selection is what is shown: images a board, search or filter takes out of view leave
 * it, so Delete, Download zip or Remove from a board never act on images one cannot see.
 * Not while the entries are still being read (only the newest few are shown then).
 */
function useSelectionOfShown(shown: readonly { id: string }[], isPending: boolean) {
  useEffect(() => {
    const ui = useGalleryUi.getState();
    if (isPending || ui.selected.size === 0) return;
    const visible = new Set(shown.map((e) => e.id));
    const kept = [...ui.selected].filter((id) => visible.has(id));
    if (kept.length < ui.selected.size) ui.setSelection(kept);
  }, [shown, isPending]);
}
