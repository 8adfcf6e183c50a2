import { useBlobSrc } from '../../../lib/use-blob-src.ts';
import { useShallow } from 'zustand/react/shallow';
import { useResultDeleted } from '../hooks/use-result-deleted.ts';
import {
  currentBatches,
  shownBlob,
  useEditResultsStore,
  type EditBatch,
} from '../edit/edit-results-store.ts';
import './compare-view.css';

function ResultThumb({ batch, index }: { batch: EditBatch; index: number }) {
  const selected = useEditResultsStore(
    (s) => s.selected?.batchId === batch.id && s.selected.index === index,
  );
  const result = batch.results[index];
  const image = useBlobSrc(result ? shownBlob(result) : null);
  return (
    <button
      type="button"
      className="result-thumb"
      aria-pressed={selected}
      aria-label={`Result ${index + 1}: ${batch.prompt}`}
      onClick={() => useEditResultsStore.getState().select(batch.id, index)}
    >
      <img ref={image} alt="" />
    </button>
  );
}

/**
 * This session's results of the image in the editor, newest first, less those deleted from
 * the gallery; choosing one compares it with its original. Results of images edited before
 * are in the gallery.
 */
export function ResultStrip() {
  const isDeleted = useResultDeleted();
  const batches = useEditResultsStore(useShallow(currentBatches))
    .map((batch) => ({
      batch,
      // Numbered as returned: a deleted result leaves its number out, not renumbers the rest.
      shown: batch.results.flatMap((result, index) => (isDeleted(result) ? [] : [index])),
    }))
    .filter(({ shown }) => shown.length > 0);
  if (batches.length === 0) return null;
  return (
    <nav className="result-strip" aria-label="Edit results">
      {batches.map(({ batch, shown }) => (
        <div key={batch.id} className="result-strip__batch" title={batch.prompt}>
          {shown.map((index) => (
            <ResultThumb key={index} batch={batch} index={index} />
          ))}
        </div>
      ))}
    </nav>
  );
}
