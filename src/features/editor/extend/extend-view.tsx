import { useEffect, useRef, type RefObject } from 'react';
import { rulesFor } from '../../../api/model-lookup.ts';
import { useDraftStore } from '../../prompt/draft-store.ts';
import { useFitSize } from '../hooks/use-fit-size.ts';
import { useSessionStore, type PreparedImage } from '../stores/session-store.ts';
import { ExtendControls } from './extend-controls.tsx';
import { ExtendFrame } from './extend-frame.tsx';
import { extendStep, useStoppedExtend } from './extend-resume.ts';
import { planExtend } from './extend-plan.ts';
import { useExtendStore } from './extend-store.ts';
import { resumeStoredExtend } from './resume-stored-extend.ts';
import { extendSummary } from './extend-summary.ts';
import './extend.css';

/**
 * Extend canvas: the picture on a larger canvas, laid out by dragging its edges or picking
 * a shape and size; the prompt panel's "Extend" makes it. While frames are being made, and
 * after an extend stopped part-way (until the layout changes), the canvas so far is shown
 * instead. One that stopped in an earlier visit is brought back when the picture is opened
 * here again (resume-stored-extend.ts).
 */
export function ExtendView({ prepared }: { prepared: PreparedImage }) {
  const original = prepared.geometry;
  const model = useDraftStore((s) => s.drafts.edit.model);
  const canvas = useExtendStore((s) => s.canvas);
  const at = useExtendStore((s) => s.at);
  const progress = useExtendStore((s) => s.progress);
  const running = useExtendStore((s) => s.running);
  const error = useExtendStore((s) => s.error);
  const notice = useExtendStore((s) => s.notice);
  const restoring = useExtendStore((s) => s.restoring);
  const stopped = useStoppedExtend((s) => s.stopped);
  const viewport = useRef<HTMLDivElement>(null);
  const view = useRef<HTMLDivElement>(null);
  const fit = useFitSize(viewport, canvas?.width ?? 1, canvas?.height ?? 1);
  const rules = rulesFor(model, 'edit');
  useEffect(() => {
    const size = { width: prepared.geometry.width, height: prepared.geometry.height };
    if (!rules) return useExtendStore.getState().openFor(size);
    // The layout: a stopped extend's, brought back, or as it was (the default for a new picture).
    resumeStoredExtend(useSessionStore.getState().source, prepared, rules).catch((error: unknown) =>
      useExtendStore.getState().patch({
        error: `The extend that stopped part-way on this picture could not be brought back (${(error as Error).message}). Each frame it made is in the gallery; Extend starts over from the original.`,
      }),
    );
  }, [prepared, rules]);
  const ready = canvas && at && rules;
  const scale = ready && fit ? fit.width / canvas.width : 0;
  // What Extend does about a stopped extend, with the frames planned now (as the estimate).
  const planned = ready ? planExtend(rules, canvas, { ...at, ...sizeOf(original) }) : null;
  const step =
    stopped && !running && ready && planned
      ? ` ${extendStep(stopped, prepared, canvas, at, planned)}`
      : '';

  // The viewport is rendered from the first frame, canvas or not: useFitSize measures the
  // element it finds on mount, and one mounted a render later would stay 0 × 0, the picture
  // never drawn.
  return (
    <div className="extend" ref={view}>
      {ready && (
        <ExtendControls
          original={original}
          summary={extendSummary(rules, canvas, {
            ...at,
            width: original.width,
            height: original.height,
          })}
        />
      )}
      {running && progress && (
        <p className="extend__status" role="status">
          {progress.total > 1
            ? `Making frame ${Math.min(progress.done + 1, progress.total)} of ${progress.total}…`
            : 'Extending…'}
        </p>
      )}
      {running && notice && (
        <p className="extend__status" role="status">
          {notice}
        </p>
      )}
      {restoring && (
        <p className="extend__status" role="status">
          Bringing back the extend that stopped part-way on this picture…
        </p>
      )}
      {error ? (
        <div className="extend__status extend__status--error" role="alert">
          <p>
            {error}
            {step}
          </p>
          {stopped && !running && <StartOver view={view} />}
        </div>
      ) : (
        // An extend stopped in an earlier visit, brought back: what Extend will do.
        stopped &&
        !running &&
        notice && (
          <div className="extend__status" role="status">
            <p>
              {notice}
              {step}
            </p>
            <StartOver view={view} />
          </div>
        )
      )}
      <div className="extend__viewport" ref={viewport}>
        {progress?.preview && (running || progress.done < progress.total) ? (
          <ProgressCanvas bitmap={progress.preview} size={fit} />
        ) : (
          scale > 0 && <ExtendFrame picture={prepared.bitmap} original={original} scale={scale} />
        )}
      </div>
    </div>
  );
}

/**
 * Forgets the stopped extend. The button goes with its message, so the focus is handed to the
 * canvas's Width, the layout that the next Extend makes in full: not dropped to the page.
 */
function StartOver({ view }: { view: RefObject<HTMLDivElement | null> }) {
  const startOver = () => {
    useExtendStore.getState().startOver();
    view.current?.querySelector<HTMLInputElement>('.extend-controls input')?.focus();
  };
  return (
    <button type="button" className="button button--ghost button--small" onClick={startOver}>
      Start over
    </button>
  );
}

const sizeOf = ({ width, height }: { width: number; height: number }) => ({ width, height });

/** The canvas as the finished frames left it. */
function ProgressCanvas({
  bitmap,
  size,
}: {
  bitmap: ImageBitmap;
  size: { width: number; height: number } | null;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.width = bitmap.width;
    el.height = bitmap.height;
    el.getContext('2d')?.drawImage(bitmap, 0, 0);
  }, [bitmap]);
  return (
    <canvas
      ref={ref}
      className="extend__progress"
      role="img"
      aria-label="The extended canvas so far"
      style={size ?? undefined}
    />
  );
}
