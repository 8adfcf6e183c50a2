import { useCallback, useRef, useState } from 'react';
import { useBlobSrc } from '../../../lib/use-blob-src.ts';
import { useFitSize } from '../hooks/use-fit-size.ts';
import { useLiveCompose } from '../hooks/use-live-compose.ts';
import { useResultDeleted } from '../hooks/use-result-deleted.ts';
import { shownBlob, type EditBatch } from '../edit/edit-results-store.ts';
import type { ComposeSettings } from '../../../lib/compose/compose-settings.ts';
import { ComposeControls, registrationNote } from './compose-controls.tsx';
import { EditCost } from './edit-cost.tsx';
import { ResultActions } from './result-actions.tsx';
import { CompareDivider, followPointer } from '../../../lib/ui/compare-divider.tsx';
import './compare-view.css';

const DESCRIBE: Record<ComposeSettings['mode'], string> = {
  raw: 'as the model returned it',
  hard: 'original pasted back outside the painted area',
  soft: 'blended softly into the original',
};

/** Hands the bitmap to the preview canvas without a copy (it is closed if there is none). */
function paintPreview(canvas: HTMLCanvasElement | null, bitmap: ImageBitmap) {
  if (!canvas) return bitmap.close();
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  canvas.getContext('bitmaprenderer')?.transferFromImageBitmap(bitmap);
}

/**
 * Before and after, one over the other, divided where the designer drags on the picture
 * (or moves the divider with the keys): left of it the original as sent, right of it the result. For GPT image models the compose controls
 * switch Raw / Hard / Soft and shape the blend, previewed live at full resolution.
 * Mount it keyed by the result (its compose state belongs to one result).
 */
export function CompareView({ batch, index }: { batch: EditBatch; index: number }) {
  const [split, setSplit] = useState(50);
  const preview = useRef<HTMLCanvasElement>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const frame = useFitSize(viewport, batch.width, batch.height);
  const result = batch.results[index];
  const show = useCallback((bitmap: ImageBitmap) => paintPreview(preview.current, bitmap), []);
  const compose = useLiveCompose(batch, index, show);
  const before = useBlobSrc(batch.original);
  const after = useBlobSrc(result ? shownBlob(result) : null);
  const isDeleted = useResultDeleted();
  if (!result) return null;
  // Numbered as returned, like the strip (a deleted result does not renumber the rest); the
  // count says how many of them the gallery no longer has, so it adds up to what is shown.
  const deleted = batch.results.filter(isDeleted).length;
  const count = `${batch.results.length}${deleted ? ` (${deleted} deleted from the gallery)` : ''}`;
  const mode = compose.settings?.mode ?? result.settings?.mode ?? 'raw';
  const storedMode = result.composed ? (result.settings?.mode ?? 'raw') : 'raw';
  const note = registrationNote(compose.registration);
  const clip = { clipPath: `inset(0 0 0 ${split}%)` };

  return (
    <div className="compare">
      <div className="compare__bar">
        <span className="compare__caption" title={DESCRIBE[mode]}>
          Result {index + 1} of {count} · {DESCRIBE[mode]}
        </span>
        <EditCost batch={batch} />
        <ResultActions batch={batch} index={index} />
      </div>
      {compose.settings && (
        <ComposeControls settings={compose.settings} onChange={compose.change} />
      )}
      {note && (
        <p className="compose-note" role="status">
          {note}
        </p>
      )}
      {result.composeProblem && mode === 'raw' && (
        <p className="compose-note" role="status">
          {result.composeProblem}
        </p>
      )}
      {compose.error && (
        <p className="compose-note compose-note--error" role="alert">
          {compose.error}
        </p>
      )}
      <div className="compare__viewport" ref={viewport}>
        <div
          className="compare__frame"
          style={frame ?? { visibility: 'hidden' }}
          onPointerDown={(e) => followPointer(e, e.currentTarget, setSplit)}
        >
          <img ref={before} className="compare__image" alt="Before: the image as sent" />
          <img
            ref={after}
            className="compare__image compare__image--after"
            style={clip}
            alt={`After: result ${index + 1}${storedMode === 'raw' ? '' : `, ${storedMode} compose`}`}
          />
          <canvas
            ref={preview}
            className="compare__image compare__image--after compare__image--preview"
            style={{ ...clip, visibility: compose.previewing ? 'visible' : 'hidden' }}
            aria-hidden="true"
          />
          <span className="compare__tag compare__tag--before">Before</span>
          <span className="compare__tag compare__tag--after">After</span>
          <CompareDivider
            value={split}
            onChange={setSplit}
            label="Compare before and after"
            valueText={(v) => `${Math.round(v)}% before, ${100 - Math.round(v)}% after`}
          />
        </div>
      </div>
    </div>
  );
}
