import { useEffect } from 'react';
import { editorSource } from '../intake/editor-source.ts';
import { useSessionStore } from '../stores/session-store.ts';
import type { MaskModel } from '../mask/mask-model.ts';
import {
  loadSession,
  openSessionStore,
  saveJournal,
  saveSession,
} from '../stores/session-persistence.ts';
import { StrokeJournal, tilesAfter } from '../stores/stroke-journal.ts';

const SAVE_DELAY_MS = 700;

/** Runs the waiting save at once, if one waits (set while the editor is mounted). */
let flushSave: (() => Promise<void>) | null = null;

/**
 * Saves the session now instead of after the debounce. "Apply edit" awaits it, so the
 * image and mask an edit sends are kept even if the tab is reloaded while it runs; a
 * failed save is reported by the editor and never rejects here.
 */
export function saveSessionNow(): Promise<void> {
  return flushSave?.() ?? Promise.resolve();
}

/** The journal outlives the editor's unmounts (switching tabs keeps the image open). */
const journal = new StrokeJournal(saveJournal);
/** The mask the journal records: a new one means a newly opened image. */
let journalMask: MaskModel | null = null;
/** True while the last session is being reopened: nothing is saved or journalled meanwhile. */
let restoring = false;
/** The one restore of this page's life, started by the editor's mount or the first open. */
let restore: Promise<boolean> | null = null;

/**
 * Reopens the last session's image, mask and references, once per page and only into an
 * empty editor. Every open the designer asks for waits for it first (SourceFlow's
 * beforeOpen), so a mask painted before a reload is asked about, never silently replaced,
 * and the open is never dropped by a restore finishing after it.
 */
export function restoreLastSession(): Promise<void> {
  return restored().then(() => undefined);
}

/** Resolves true once a session was reopened, false when there was none to reopen. */
function restored(): Promise<boolean> {
  restore ??= restoreOnce().catch((error: unknown) => {
    useSessionStore.setState({
      saveError: `Your last session could not be restored (${(error as Error).message}).`,
    });
    return false;
  });
  return restore;
}

async function restoreOnce(): Promise<boolean> {
  if (useSessionStore.getState().status !== 'empty') return false;
  const stored = await loadSession();
  if (!stored || useSessionStore.getState().status !== 'empty') return false;
  const { session, journal: storedJournal } = stored;
  restoring = true;
  try {
    // The model is the prompt panel's (its draft survives reloads on its own).
    useSessionStore.setState({
      references: session.references.map((r) => ({ ...r, id: crypto.randomUUID() })),
    });
    await editorSource.open(session.file, {
      name: session.name,
      ...(session.parentId ? { parentId: session.parentId } : {}),
      restore: {
        paint: session.paint,
        geometry: session.geometry,
        squareChoice: session.squareChoice,
      },
    });
    const { mask } = useSessionStore.getState();
    if (!mask) return false;
    // The strokes finished after the last whole save, on top of its paint.
    const entries =
      session.sessionKey && storedJournal?.sessionKey === session.sessionKey
        ? storedJournal.entries
        : [];
    mask.restoreTiles(tilesAfter(entries, session.journalSeq ?? 0));
    mask.takeChangedTiles();
    journalMask = mask;
    journal.start(session.sessionKey ?? crypto.randomUUID(), entries);
    return true;
  } finally {
    restoring = false;
  }
}

/**
 * Restores the last session when the editor first mounts with nothing open, then keeps it:
 * each finished stroke is journalled at once (stroke-journal.ts), a newly opened image is
 * saved at once without its mask, and the whole session is saved (debounced) whenever the
 * image, its framing, the references or the mask change, at once when the page is hidden
 * or an edit is sent.
 */
export function useSessionPersistence(): void {
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribeMask: (() => void) | undefined;
    let pending = false;
    openSessionStore();

    const save = ({ withPaint = true } = {}) => {
      clearTimeout(timer);
      pending = false;
      if (restoring) return Promise.resolve();
      // Taken before the mask is snapshotted: strokes ending later stay in the journal.
      const mark = { sessionKey: journal.sessionKey, journalSeq: withPaint ? journal.seq : 0 };
      return saveSession(useSessionStore.getState(), mark, { withPaint }).then(
        () => {
          if (withPaint) journal.saved(mark.sessionKey, mark.journalSeq);
          if (useSessionStore.getState().saveError) useSessionStore.setState({ saveError: null });
        },
        (error: unknown) =>
          useSessionStore.setState({
            saveError: `Your image and mask could not be kept for your next visit (${(error as Error).message}). They stay open until you close the tab.`,
          }),
      );
    };
    const scheduleSave = () => {
      clearTimeout(timer);
      pending = true;
      timer = setTimeout(() => void save(), SAVE_DELAY_MS);
    };
    flushSave = () => (pending ? save() : Promise.resolve());
    // A tab being closed or reloaded gets no debounce: start the save while the page lives.
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushSave?.();
    };
    document.addEventListener('visibilitychange', onHide);

    /** Journals what the mask just changed; a change too large to journal is saved whole. */
    const journalChange = () => {
      const { mask, status } = useSessionStore.getState();
      if (restoring || !mask || mask !== journalMask || status !== 'ready') return;
      if (!journal.record(mask)) void save();
    };
    const onMaskChange = () => {
      journalChange();
      scheduleSave();
    };
    const watchMask = () => {
      unsubscribeMask?.();
      unsubscribeMask = useSessionStore.getState().mask?.subscribe(onMaskChange);
    };
    /** A newly opened image: a journal of its own, the image saved now, its first mask journalled. */
    const adoptNewImage = () => {
      const { mask, status } = useSessionStore.getState();
      if (restoring || !mask || status !== 'ready' || mask === journalMask) return;
      journalMask = mask;
      journal.start(crypto.randomUUID());
      void save({ withPaint: false });
      journalChange();
    };

    const unsubscribeStore = useSessionStore.subscribe((state, previous) => {
      if (state.mask !== previous.mask) watchMask();
      adoptNewImage();
      if (
        state.status === 'ready' &&
        (state.prepared !== previous.prepared ||
          state.references !== previous.references ||
          state.status !== previous.status)
      ) {
        scheduleSave();
      }
    });
    watchMask();
    adoptNewImage();

    void restored().then((reopened) => {
      // A reopened session is saved whole (its journal folded in).
      if (reopened && !cancelled) scheduleSave();
    });

    return () => {
      cancelled = true;
      clearTimeout(timer);
      flushSave = null;
      document.removeEventListener('visibilitychange', onHide);
      unsubscribeStore();
      unsubscribeMask?.();
    };
  }, []);
}
