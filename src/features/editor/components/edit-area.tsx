import { ToggleGroup } from 'radix-ui';
import { useEditResultsStore } from '../edit/edit-results-store.ts';
import type { MaskModel } from '../mask/mask-model.ts';
import { hasTransparency, useSessionStore } from '../stores/session-store.ts';
import { CompareView } from './compare-view.tsx';
import { EditJobStatus } from './edit-job-status.tsx';
import { EditorStage } from './editor-stage.tsx';
import { EditorToolbar } from './editor-toolbar.tsx';
import { KeyboardPenHint } from './keyboard-pen-hint.tsx';
import { ResultStrip } from './result-strip.tsx';
import { SelectionAlert } from './selection-alert.tsx';
import { StatusLine } from './status-line.tsx';
import { ZoomControls } from './zoom-controls.tsx';
import './compare-view.css';

/** Paint the mask, or compare a result with its original; the session's results below. */
export function EditArea({ image, mask }: { image: ImageBitmap; mask: MaskModel }) {
  const transparent = useSessionStore(hasTransparency);
  const mode = useEditResultsStore((s) => s.mode);
  const selected = useEditResultsStore((s) => s.selected);
  const batch = useEditResultsStore((s) => s.batches.find((b) => b.id === s.selected?.batchId));
  const comparing = mode === 'compare' && batch !== undefined && selected !== null;
  return (
    <>
      <div className="edit-area__bar">
        {batch && (
          <ToggleGroup.Root
            type="single"
            className="segmented"
            aria-label="Editor view"
            value={comparing ? 'compare' : 'paint'}
            onValueChange={(v) =>
              v && useEditResultsStore.getState().setMode(v as 'paint' | 'compare')
            }
          >
            <ToggleGroup.Item value="paint" className="segmented__item">
              Paint
            </ToggleGroup.Item>
            <ToggleGroup.Item value="compare" className="segmented__item">
              Compare
            </ToggleGroup.Item>
          </ToggleGroup.Root>
        )}
        {!comparing && <EditorToolbar />}
      </div>
      {comparing ? (
        <div className="editor__canvas editor__canvas--compare">
          <CompareView key={`${batch.id}:${selected.index}`} batch={batch} index={selected.index} />
        </div>
      ) : (
        <div className="editor__canvas">
          <EditorStage image={image} mask={mask} transparent={transparent} />
          <ZoomControls />
          <StatusLine />
          <SelectionAlert />
          <KeyboardPenHint />
        </div>
      )}
      <EditJobStatus />
      <ResultStrip />
    </>
  );
}
