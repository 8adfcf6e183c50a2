/**
 * Brings back an extend that stopped part-way on this picture in an earlier visit (a reload,
 * a tab closed yesterday): the layout it stopped on, the canvas with the frames made (their
 * bytes read from the gallery, where each frame was saved) and a note that Extend goes on
 * from there. Pressing Extend then makes and pays for only the missing frames.
 *
 * Only into an untouched Extend view (nothing running, nothing stopped, the layout not moved
 * meanwhile), only for the same file prepared the same way and the same plan of frames. The
 * stored extend is forgotten when the picture it started from is no longer in the gallery,
 * and goes on from fewer frames when a later frame's entry was deleted.
 */
import type { OperationRules } from '../../../api/model-types.ts';
import { composeWorker } from '../compose/compose-client.ts';
import { useSessionStore, type EditorSource, type PreparedImage } from '../stores/session-store.ts';
import { extendSession } from './extend-session.ts';
import { planExtend } from './extend-plan.ts';
import {
  framesStillKept,
  resumeStopped,
  sameFrames,
  storedFits,
  useStoppedExtend,
} from './extend-resume.ts';
import { useExtendStore } from './extend-store.ts';
import { resumedNote } from './stopped-words.ts';
import {
  deleteStoppedExtend,
  getStoppedExtend,
  putStoppedExtend,
  stoppedExtendKey,
} from './stopped-extend-db.ts';

/** The picture's last stopped extend, brought back if there is one; why not, if it failed. */
export async function resumeStoredExtend(
  source: EditorSource,
  prepared: PreparedImage,
  rules: OperationRules,
): Promise<void> {
  const png = prepared.png;
  const layout = useExtendStore.getState();
  const untouched = () => {
    const now = useExtendStore.getState();
    return (
      useSessionStore.getState().prepared === prepared &&
      !now.running &&
      !now.progress &&
      now.canvas === layout.canvas &&
      now.at === layout.at &&
      !useStoppedExtend.getState().stopped
    );
  };
  if (!png || !untouched()) return;
  const key = await stoppedExtendKey(source.file);
  const stored = await getStoppedExtend(key);
  if (!stored || !storedFits(stored, prepared.geometry)) return;
  const original = {
    ...stored.at,
    width: prepared.geometry.width,
    height: prepared.geometry.height,
  };
  const frames = planExtend(rules, stored.canvas, original);
  // Another model plans other frames: the stored ones wait until that model is picked again.
  if (!frames || !sameFrames(frames, stored.frames)) return;

  const { missingEntries, readImage } = await import('../../gallery-store/gallery-reads.ts');
  const ids = stored.made.map((m) => m.entryId);
  const missing = new Set(await missingEntries(stored.sourceId ? [stored.sourceId, ...ids] : ids));
  const kept = framesStillKept(stored, missing);
  if (kept.length === 0) return deleteStoppedExtend(key);
  if (kept.length < stored.made.length) await putStoppedExtend({ ...stored, made: kept });
  const results = await Promise.all(kept.map((m) => readImage(m.entryId)));
  if (!untouched()) return;

  // The canvas as the frames left it, rebuilt in the compose worker; "before" first.
  const session = extendSession(composeWorker(), crypto.randomUUID(), {
    original: png,
    canvas: stored.canvas,
    at: stored.at,
  });
  let preview: ImageBitmap | null = null;
  let before: Blob | null = null;
  try {
    await session.open();
    before = await session.png().catch(() => null);
    for (const [i, { frame }] of kept.entries()) {
      preview?.close();
      preview = await session.paste(frame, results[i]!);
    }
  } finally {
    session.close();
  }
  if (!preview || !untouched()) return preview?.close();
  useExtendStore.setState({
    canvas: stored.canvas,
    at: stored.at,
    aspect: null,
    error: null,
    notice: resumedNote(stored.frames, kept.length, original),
    progress: { done: kept.length, total: stored.frames.length, preview },
  });
  resumeStopped({
    original: png,
    canvas: stored.canvas,
    at: stored.at,
    frames: stored.frames,
    made: kept.map((m, i) => ({
      frame: m.frame,
      result: results[i]!,
      entryId: m.entryId,
      cost: m.cost,
    })),
    before,
    durable: {
      key,
      ...(stored.sourceId ? { sourceId: stored.sourceId } : {}),
      geometry: prepared.geometry,
    },
  });
}
