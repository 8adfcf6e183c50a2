import { continueFromResult } from '../intake/source-flow.ts';
import { shownBlob, useEditResultsStore, type EditBatch } from '../edit/edit-results-store.ts';

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

/** Take a result further: edit it again (keeping the mask), or download it. */
export function ResultActions({ batch, index }: { batch: EditBatch; index: number }) {
  const showComposed = useEditResultsStore((s) => s.showComposed);
  const result = batch.results[index];
  if (!result) return null;
  const blob = shownBlob(result, showComposed);

  const download = () => {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `easel-edit-${index + 1}.${EXTENSIONS[blob.type] ?? 'png'}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <span className="compare__actions">
      <button type="button" className="button" onClick={download}>
        Download
      </button>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          useEditResultsStore.getState().setMode('paint');
          void continueFromResult(blob, {
            name: `Edit ${index + 1} of “${batch.prompt.slice(0, 40)}”`,
            ...(result.entryId ? { parentId: result.entryId } : {}),
          });
        }}
      >
        Edit this result
      </button>
    </span>
  );
}
