import { useRef } from 'react';
import { useBlobSrc } from '../hooks/use-blob-src.ts';
import { shownBlob, useEditResultsStore, type EditBatch } from '../edit/edit-results-store.ts';
import './compare-view.css';

function ResultThumb({ batch, index }: { batch: EditBatch; index: number }) {
  const selected = useEditResultsStore(
    (s) => s.selected?.batchId === batch.id && s.selected.index === index,
  );
  const image = useRef<HTMLImageElement>(null);
  const result = batch.results[index];
  useBlobSrc(image, result ? shownBlob(result) : null);
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

/** This session's edit results, newest first; choosing one compares it with its original. */
export function ResultStrip() {
  const batches = useEditResultsStore((s) => s.batches);
  if (batches.length === 0) return null;
  return (
    <nav className="result-strip" aria-label="Edit results">
      {batches.map((batch) => (
        <div key={batch.id} className="result-strip__batch" title={batch.prompt}>
          {batch.results.map((_, index) => (
            <ResultThumb key={index} batch={batch} index={index} />
          ))}
        </div>
      ))}
    </nav>
  );
}
