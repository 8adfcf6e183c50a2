import { editorSource } from '../intake/editor-source.ts';
import { focusLeftForNowhere } from '../intake/focus-handoff.ts';
import { shownBlob, useEditResultsStore, type EditBatch } from '../edit/edit-results-store.ts';
import { EXTENSION, type ImageMime } from '../../../api/image-bytes.ts';
import { downloadBlob } from '../../../lib/download-blob.ts';

/** Take a result further: edit it again (keeping the mask), or download it. */
export function ResultActions({ batch, index }: { batch: EditBatch; index: number }) {
  const result = batch.results[index];
  if (!result) return null;
  const blob = shownBlob(result);

  const download = () =>
    downloadBlob(blob, `easel-edit-${index + 1}.${EXTENSION[blob.type as ImageMime] ?? 'png'}`);

  return (
    <span className="compare__actions">
      <button type="button" className="button" onClick={download}>
        Download
      </button>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          // This button leaves with Compare: the canvas the result opens on takes the focus.
          focusLeftForNowhere();
          useEditResultsStore.getState().setMode('paint');
          void editorSource.continueFromResult(blob, {
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
