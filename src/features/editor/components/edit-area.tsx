import { ToggleGroup } from 'radix-ui';
import { useEffect, useRef } from 'react';
import { useEditResultsStore, type EditorMode } from '../edit/edit-results-store.ts';
import { ExtendView } from '../extend/extend-view.tsx';
import { useResultDeleted } from '../hooks/use-result-deleted.ts';
import type { MaskModel } from '../mask/mask-model.ts';
import { hasTransparency, useSessionStore, type PreparedImage } from '../stores/session-store.ts';
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
export function EditArea({
  image,
  mask,
  prepared,
}: {
  image: ImageBitmap;
  mask: MaskModel;
  prepared: PreparedImage;
}) {
  const transparent = useSessionStore(hasTransparency);
  const mode = useEditResultsStore((s) => s.mode);
  const selected = useEditResultsStore((s) => s.selected);
  const found = useEditResultsStore((s) => s.batches.find((b) => b.id === s.selected?.batchId));
  // A result deleted from the gallery is not compared: the canvas comes back to paint on.
  const deleted = useResultDeleted()(found?.results[selected?.index ?? 0]);
  const batch = deleted ? undefined : found;
  useEffect(() => {
    if (deleted)
      useEditResultsStore.setState((s) => (s.mode === 'compare' ? { mode: 'paint' } : {}));
  }, [deleted]);
  const comparing = mode === 'compare' && batch !== undefined && selected !== null;
  const extending = mode === 'extend';
  const view = comparing ? 'compare' : extending ? 'extend' : 'paint';
  const canvas = useRef<HTMLDivElement>(null);
  // Where the focus goes when the edit rows it was in have gone: the work itself (the mask
  // canvas, or the first control of Compare or Extend).
  const focusCanvas = () =>
    canvas.current
      ?.querySelector<HTMLElement>('[tabindex="0"], button:not(:disabled), input:not(:disabled)')
      ?.focus({ preventScroll: true });
  return (
    <>
      <div className="edit-area__bar">
        <ToggleGroup.Root
          type="single"
          className="segmented"
          aria-label="Editor view"
          value={view}
          onValueChange={(v) => v && useEditResultsStore.getState().setMode(v as EditorMode)}
        >
          <ToggleGroup.Item value="paint" className="segmented__item">
            Paint
          </ToggleGroup.Item>
          <ToggleGroup.Item value="extend" className="segmented__item">
            Extend canvas
          </ToggleGroup.Item>
          {batch && (
            <ToggleGroup.Item value="compare" className="segmented__item">
              Compare
            </ToggleGroup.Item>
          )}
        </ToggleGroup.Root>
        {view === 'paint' && <EditorToolbar />}
      </div>
      {extending && !comparing ? (
        <div ref={canvas} className="editor__canvas editor__canvas--compare">
          <ExtendView prepared={prepared} />
        </div>
      ) : comparing ? (
        <div ref={canvas} className="editor__canvas editor__canvas--compare">
          <CompareView key={`${batch.id}:${selected.index}`} batch={batch} index={selected.index} />
        </div>
      ) : (
        <div ref={canvas} className="editor__canvas">
          <EditorStage
            image={image}
            {...(prepared.viewCopy ? { viewCopy: prepared.viewCopy } : {})}
            mask={mask}
            transparent={transparent}
          />
          <ZoomControls />
          <StatusLine />
          <SelectionAlert />
          <KeyboardPenHint />
        </div>
      )}
      <EditJobStatus onFocusLost={focusCanvas} />
      <ResultStrip />
    </>
  );
}
