import { ToggleGroup } from 'radix-ui';
import { useRef, useState } from 'react';
import { useBlobSrc } from '../hooks/use-blob-src.ts';
import { useFitSize } from '../hooks/use-fit-size.ts';
import { shownBlob, useEditResultsStore, type EditBatch } from '../edit/edit-results-store.ts';
import { ResultActions } from './result-actions.tsx';
import { Slider } from '../../../lib/ui/slider.tsx';

/**
 * Before and after, one over the other, with a slider moving the divide: left of it the
 * original as sent, right of it the result. For GPT image models a switch shows the raw
 * result or the one with the unpainted pixels put back.
 */
export function CompareView({ batch, index }: { batch: EditBatch; index: number }) {
  const showComposed = useEditResultsStore((s) => s.showComposed);
  const setShowComposed = useEditResultsStore((s) => s.setShowComposed);
  const [split, setSplit] = useState(50);
  const before = useRef<HTMLImageElement>(null);
  const after = useRef<HTMLImageElement>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const frame = useFitSize(viewport, batch.width, batch.height);
  const result = batch.results[index];
  useBlobSrc(before, batch.original);
  useBlobSrc(after, result ? shownBlob(result, showComposed) : null);
  if (!result) return null;
  const composedShown = showComposed && result.composed !== null;

  return (
    <div className="compare">
      <div className="compare__bar">
        <span className="compare__caption">
          Result {index + 1} of {batch.results.length} ·{' '}
          {composedShown ? 'unpainted pixels kept from the original' : 'as the model returned it'}
        </span>
        {batch.maskIsGuidance && result.composed && (
          <ToggleGroup.Root
            type="single"
            className="segmented segmented--small"
            aria-label="Show result"
            value={showComposed ? 'composited' : 'raw'}
            onValueChange={(v) => v && setShowComposed(v === 'composited')}
          >
            <ToggleGroup.Item value="composited" className="segmented__item">
              Unpainted kept
            </ToggleGroup.Item>
            <ToggleGroup.Item value="raw" className="segmented__item">
              Raw result
            </ToggleGroup.Item>
          </ToggleGroup.Root>
        )}
        <ResultActions batch={batch} index={index} />
      </div>
      <div className="compare__viewport" ref={viewport}>
        <div className="compare__frame" style={frame ?? { visibility: 'hidden' }}>
          <img ref={before} className="compare__image" alt="Before: the image as sent" />
          <img
            ref={after}
            className="compare__image compare__image--after"
            style={{ clipPath: `inset(0 0 0 ${split}%)` }}
            alt={`After: result ${index + 1}${composedShown ? ' with unpainted pixels kept' : ''}`}
          />
          <div className="compare__divider" style={{ left: `${split}%` }} aria-hidden="true" />
          <span className="compare__tag compare__tag--before">Before</span>
          <span className="compare__tag compare__tag--after">After</span>
        </div>
      </div>
      <Slider
        className="compare__slider"
        label="Compare before and after"
        value={split}
        min={0}
        max={100}
        format={(v) => `${v}% before, ${100 - v}% after`}
        onChange={setSplit}
      />
    </div>
  );
}
