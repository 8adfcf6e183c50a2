import { useMemo } from 'react';
import { getModel, isGptImage, rulesFor } from '../../../api/model-lookup.ts';
import { PromptPanel } from '../../prompt/prompt-panel.tsx';
import { useDraftStore } from '../../prompt/draft-store.ts';
import { applyEdit } from '../edit/apply-edit.ts';
import { useEditResultsStore } from '../edit/edit-results-store.ts';
import { applyExtend } from '../extend/apply-extend.ts';
import { useExtendStore } from '../extend/extend-store.ts';
import { framesToMake, useStoppedExtend } from '../extend/extend-resume.ts';
import { extendBlocker } from '../extend/extend-summary.ts';
import { extendRequests, makesWholeCanvas, planExtend } from '../extend/extend-plan.ts';
import { needsSquarePicture } from '../intake/square-rule.ts';
import { useMaskPainted } from '../hooks/use-mask-version.ts';
import { hasTransparency, useSessionStore, type SessionStatus } from '../stores/session-store.ts';
import { EditSizeHint } from './edit-size-hint.tsx';
import { KeepUnpaintedSwitch } from './keep-unpainted-switch.tsx';
import { ReferenceImages } from './reference-images.tsx';
import { PanelDrawer, usePanelDrawer } from '../../../lib/ui/panel-drawer.tsx';
import './edit-side-panel.css';

const BLOCKERS: Partial<Record<SessionStatus, string>> = {
  empty: 'Open an image to edit first.',
  opening: 'Wait for the image to open.',
  preparing: 'Wait for the image to be prepared.',
  cropping: 'Finish making the image square first.',
};

/** The estimate while the frames Extend will send are not known yet. */
const COUNTING = 'Estimate: counting the frames still to make…';

/**
 * The column beside the stage: the generate feature's prompt panel for the 'edit'
 * operation (prompt, model, settings, "Apply edit"), with the edit's own inputs in it.
 */
export function EditSidePanel() {
  const status = useSessionStore((s) => s.status);
  const hasImage = useSessionStore((s) => s.prepared !== null);
  const encoding = useSessionStore((s) => s.prepared !== null && s.prepared.png === null);
  const pngError = useSessionStore((s) => s.prepared?.pngError);
  const model = useDraftStore((s) => s.drafts.edit.model);
  const extending = useEditResultsStore((s) => s.mode === 'extend');
  const needsSquare = useSessionStore(
    (s) =>
      s.prepared !== null &&
      !s.prepared.square &&
      needsSquarePicture(rulesFor(model, 'edit'), extending),
  );
  const prepared = useSessionStore((s) => s.prepared);
  const references = useSessionStore((s) => s.references);
  const inputs = useMemo(
    () => [
      ...(prepared ? [{ width: prepared.bitmap.width, height: prepared.bitmap.height }] : []),
      ...references.map((r) => ({ width: r.width, height: r.height })),
    ],
    [prepared, references],
  );
  // DALL·E 2 changes only where the mask (or the image) is transparent: with nothing painted
  // the request could only fail. The mask is read once per committed change, and only for
  // such a model (its images are at most 1024²).
  const mask = useSessionStore((s) => s.mask);
  const transparent = useSessionStore(hasTransparency);
  const needsPaint = hasImage && !extending && !isGptImage(model) && !transparent;
  const unpainted = !useMaskPainted(needsPaint ? mask : null) && needsPaint;
  const label = getModel(model).label;
  const canvas = useExtendStore((s) => s.canvas);
  const at = useExtendStore((s) => s.at);
  const stopped = useStoppedExtend((s) => s.stopped);
  // A stopped extend being brought back decides which frames Extend sends: no figure till then.
  const restoring = useExtendStore((s) => s.restoring);
  const rules = rulesFor(model, 'edit');
  const geometry = prepared?.geometry;
  // The extend's frames (one: the whole canvas in one request), planned once per layout.
  const { extendProblem, frames } = useMemo(() => {
    if (!extending || !geometry || !canvas || !at || !rules)
      return { extendProblem: null, frames: null };
    const original = { ...at, width: geometry.width, height: geometry.height };
    return {
      extendProblem: extendBlocker(rules, canvas, original),
      frames: planExtend(rules, canvas, original),
    };
  }, [extending, geometry, canvas, at, rules]);
  const inFrames = frames !== null && canvas !== null && !makesWholeCanvas(frames, canvas);
  const blocker =
    BLOCKERS[status] ??
    (pngError
      ? `${pngError}. Open the image again.`
      : encoding
        ? 'Wait for the image to be prepared for upload.'
        : null) ??
    (needsSquare
      ? `${label} needs a square image: use “Make square…”.`
      : unpainted
        ? `Paint the area to change first: ${label} changes only where the mask is transparent.`
        : extendProblem);
  return (
    <PanelDrawer id="edit" title="Edit settings" className="editor__side">
      {/* The panel comes first in the page (on the left, like Generate's): its heading (the
          drawer's title) keeps the outline in order for the "Reference images" heading inside. */}
      <PromptPanel
        operation="edit"
        submitLabel={extending ? 'Extend' : 'Apply edit'}
        onSubmit={(submission) => {
          void (extending ? applyExtend(submission) : applyEdit(submission));
          usePanelDrawer.getState().setOpen('edit', false);
        }}
        blockers={blocker ? [blocker] : []}
        inputs={inputs}
        // An extend sends its own requests: one of the canvas, or one image per frame.
        plan={
          extending && (restoring || !canvas || !at)
            ? () => ({ requests: [], unit: 'frames', pending: COUNTING })
            : frames && canvas
              ? (params) => ({
                  // The references that go with each frame, as applyExtend lends them.
                  // Going on from an extend that stopped part-way: only the missing frames.
                  requests: extendRequests(
                    params,
                    canvas,
                    at ? framesToMake(stopped, prepared, canvas, at, frames) : frames,
                    inputs.slice(1, rules?.images?.maxCount ?? 1),
                  ),
                  unit: 'frames',
                })
              : undefined
        }
        oneImage={
          inFrames
            ? frames.length > 1
              ? `An extend made in ${frames.length} frames makes one picture: each frame continues the last.`
              : 'An extend made in a frame makes one picture, the frame pasted onto the canvas.'
            : null
        }
      >
        {hasImage && isGptImage(model) && <KeepUnpaintedSwitch />}
        <EditSizeHint />
        <ReferenceImages />
      </PromptPanel>
    </PanelDrawer>
  );
}
