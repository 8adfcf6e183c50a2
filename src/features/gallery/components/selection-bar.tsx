import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { useDeleteEntries, useSetFavourite } from '../hooks/use-gallery-actions.ts';
import { useArchiveStore } from '../stores/archive-store.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { BoardChoices } from './board-choices.tsx';
import './selection-bar.css';

/** Actions on the selected images; shown while anything is selected. */
export function SelectionBar({ shown }: { shown: readonly GalleryEntry[] }) {
  const selected = useGalleryUi((s) => s.selected);
  const setSelection = useGalleryUi((s) => s.setSelection);
  const clearSelection = useGalleryUi((s) => s.clearSelection);
  const exportEntries = useArchiveStore((s) => s.exportEntries);
  const exporting = useArchiveStore((s) => s.status.state === 'working');
  const deleteEntries = useDeleteEntries();
  const setFavourite = useSetFavourite();
  const compare = useGalleryUi((s) => s.compare);
  if (selected.size === 0) return null;
  const ids = [...selected];
  // The first image selected is A, the second B.
  const pair = ids.length === 2 ? ([ids[0]!, ids[1]!] as const) : null;
  const count = selected.size.toLocaleString();
  return (
    <div className="gallery-selection" role="toolbar" aria-label="Selected images">
      <strong>{count} selected</strong>
      {pair && (
        <button
          type="button"
          className="button button--primary"
          title="Show the two images against each other, as a slider or side by side"
          onClick={() => compare(pair)}
        >
          Compare A/B
        </button>
      )}
      <button
        type="button"
        className="button"
        disabled={exporting}
        onClick={() => void exportEntries(ids)}
      >
        Download zip
      </button>
      <button
        type="button"
        className="button"
        onClick={() => setFavourite.mutate({ ids, favourite: true })}
      >
        Add to favourites
      </button>
      <BoardChoices ids={ids} />
      <button
        type="button"
        className="button button--danger"
        onClick={() => deleteEntries.mutate(ids)}
      >
        Delete {count}
      </button>
      <span className="gallery-selection__spacer" />
      {selected.size < shown.length && (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => setSelection(shown.map((e) => e.id))}
        >
          Select all {shown.length.toLocaleString()}
        </button>
      )}
      <button type="button" className="button button--ghost" onClick={clearSelection}>
        Clear selection
      </button>
    </div>
  );
}
