/**
 * Brings back an extend that stopped part-way on this picture in an earlier visit (a reload,
 * a tab closed yesterday): the layout it stopped on, the canvas with the frames made (their
 * bytes read from the gallery, where each frame was saved) and a note that Extend goes on
 * from there. Pressing Extend then makes and pays for only the missing frames.
 *
 * A picture new to Extend gets the stored layout as its first one; otherwise it comes only
 * into an untouched Extend view (nothing running, nothing stopped, the layout not moved
 * meanwhile). Only for the same file prepared the same way and the same plan of frames. The
 * stored extend is forgotten when the picture it started from is no longer in the gallery,
 * and goes on from fewer frames when a later frame's entry was deleted.
 */
import type { Dimensions, OperationRules } from '../../../api/model-types.ts';
import type { Rect } from '../mask/paint-canvas.ts';
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
  mayHaveStoppedExtend,
  putStoppedExtend,
  stoppedExtendKey,
  type StoredExtend,
} from './stopped-extend-db.ts';

const sameLayout = (
  a: { canvas: Dimensions | null; at: { x: number; y: number } | null },
  b: { canvas: Dimensions; at: { x: number; y: number } },
) =>
  a.canvas?.width === b.canvas.width &&
  a.canvas.height === b.canvas.height &&
  a.at?.x === b.at.x &&
  a.at.y === b.at.y;

// The look-up starts as soon as a picture is opened (its file hashed once, its row read
// once), so that opening Extend on it is not held up by it.
useSessionStore.subscribe((state, before) => {
  if (state.source && state.source !== before.source) void lookUp(state.source.file);
});

/** The picture's stopped extend on disk, if any; a failure is said when Extend opens on it. */
const lookUp = (file: Blob) =>
  mayHaveStoppedExtend(file)
    .then((may) => (may ? stoppedExtendKey(file).then(getStoppedExtend) : undefined))
    .catch(() => undefined);

/**
 * While Extend opens on a picture (its stopped extend looked up, then brought back): Extend
 * pressed meanwhile waits for it, so it sends what the layout and the frames made settle on.
 */
let bringing: Promise<void> | null = null;
/** The bring-back that holds the layout ("restoring") now; a later one takes over. */
let restoringBy: Promise<void> | null = null;

/**
 * Resolves once no stopped extend is being looked up or brought back (at once when none is).
 * A bring-back that failed resolves it too: the view's alert says why, and Extend starts over.
 */
export const broughtBack = (): Promise<void> =>
  bringing ? bringing.then(broughtBack, broughtBack) : Promise.resolve();

/** The picture's stopped extend on disk, if it fits the picture as prepared and the plan now. */
async function findStored(file: Blob, prepared: PreparedImage, rules: OperationRules) {
  if (!(await mayHaveStoppedExtend(file))) return null;
  const key = await stoppedExtendKey(file);
  const stored = await getStoppedExtend(key);
  if (!stored || !storedFits(stored, prepared.geometry)) return null;
  const original = {
    ...stored.at,
    width: prepared.geometry.width,
    height: prepared.geometry.height,
  };
  const frames = planExtend(rules, stored.canvas, original);
  // Another model plans other frames: the stored ones wait until that model is picked again.
  return frames && sameFrames(frames, stored.frames) ? { key, stored, original } : null;
}

/**
 * Opens Extend on the picture: its last stopped extend brought back if there is one (why
 * not, if that failed), else the layout as it was, or the default one for a picture new to
 * Extend. That one waits for the look-up (a hash of the file, once per file, and one read),
 * so a stopped extend's layout is the first shown, not the default flashing before it; then,
 * while its frames are read back, the layout is held ("restoring").
 */
export function resumeStoredExtend(
  source: EditorSource | null,
  prepared: PreparedImage,
  rules: OperationRules,
): Promise<void> {
  const done = openStored(source, prepared, rules);
  bringing = done;
  const settle = () => {
    if (bringing === done) bringing = null;
  };
  done.then(settle, settle);
  return done;
}

async function openStored(
  source: EditorSource | null,
  prepared: PreparedImage,
  rules: OperationRules,
): Promise<void> {
  const size = { width: prepared.geometry.width, height: prepared.geometry.height };
  const { original: before, running } = useExtendStore.getState();
  const fresh = before?.width !== size.width || before.height !== size.height;
  const current = () => useSessionStore.getState().prepared === prepared;
  // The same picture at this size (its upload's PNG may have come meanwhile): its layout.
  const sameSize = () => {
    const now = useSessionStore.getState().prepared;
    return (
      now?.sourceKey === prepared.sourceKey &&
      now.geometry.width === size.width &&
      now.geometry.height === size.height
    );
  };
  let found;
  try {
    found =
      source?.key === prepared.sourceKey && !running
        ? await findStored(source.file, prepared, rules)
        : null;
  } finally {
    if (sameSize() && !found) useExtendStore.getState().openFor(size);
  }
  if (!found || !sameSize()) return;
  const { key, stored, original } = found;
  if (fresh) useExtendStore.getState().openFor(size);
  const now = useExtendStore.getState();
  if (now.running || now.progress || useStoppedExtend.getState().stopped) return;
  // The layout it stopped on, at once; its canvas so far follows once its frames are read.
  if (!sameLayout(now, stored)) {
    useExtendStore.setState({ canvas: stored.canvas, at: stored.at, aspect: null, error: null });
  }
  const layout = useExtendStore.getState();
  if (!current()) return; // its upload's PNG came: brought back by the look-up that followed
  const untouched = () => {
    const now = useExtendStore.getState();
    return (
      current() &&
      !now.running &&
      !now.progress &&
      now.canvas === layout.canvas &&
      now.at === layout.at &&
      !useStoppedExtend.getState().stopped
    );
  };
  // The upload's PNG is still being made: this runs again once it is.
  if (!prepared.png || !untouched()) return;
  const done = bringBack(key, stored, original, prepared.png, prepared, untouched);
  restoringBy = done;
  useExtendStore.setState({ restoring: true });
  try {
    await done;
  } finally {
    if (restoringBy === done) {
      restoringBy = null;
      useExtendStore.setState({ restoring: false });
    }
  }
}

/** The stored extend's frames, read from the gallery and pasted again: the canvas so far. */
async function bringBack(
  key: string,
  stored: StoredExtend,
  original: Rect,
  png: Blob,
  prepared: PreparedImage,
  untouched: () => boolean,
): Promise<void> {
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
    error: null,
    notice: resumedNote(stored.frames, kept.length, original),
    progress: { done: kept.length, total: stored.frames.length, preview },
  });
  resumeStopped({
    upload: { sourceKey: prepared.sourceKey, geometry: prepared.geometry },
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
