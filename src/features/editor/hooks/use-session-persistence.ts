import { useEffect } from 'react';
import { editorSource } from '../intake/editor-source.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { openSessionStore, saveSession } from '../stores/session-persistence.ts';
import { journal, restoreLastSession, restoreState } from '../stores/session-restore.ts';
import { restoreEditResults } from '../edit/edit-results-memory.ts';

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

/**
 * Restores the last session when the editor first mounts with nothing open, then keeps it:
 * each finished stroke is journalled right after it ends, or at once if the page is hidden
 * or left first (stroke-journal.ts), a newly opened image is
 * saved at once without its mask, and the whole session is saved (debounced, and never
 * while a stroke is being drawn) whenever the image, its framing, the references or the mask
 * change, at once when the page is hidden or an edit is sent.
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
      if (restoreState.restoring) return Promise.resolve();
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
      timer = setTimeout(saveUnlessPainting, SAVE_DELAY_MS);
    };
    /**
     * The debounced save waits for a stroke being drawn to end (its end schedules the save
     * again): the save's snapshot of a 4K mask costs a 20-40 ms copy (MaskModel.snapshot),
     * which would otherwise land in one of the stroke's frames.
     */
    const saveUnlessPainting = () => {
      if (useSessionStore.getState().mask?.changing) return;
      void save();
    };
    flushSave = () => (pending ? save() : Promise.resolve());
    // A tab being closed or reloaded gets no debounce: start the save while the page lives.
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushSave?.();
    };
    document.addEventListener('visibilitychange', onHide);

    /** Journals what the mask just changed, in the tasks right after (stroke-journal.ts). */
    const journalChange = () => {
      const { mask, status } = useSessionStore.getState();
      if (
        restoreState.restoring ||
        !mask ||
        mask !== restoreState.journalMask ||
        status !== 'ready'
      )
        return;
      journal.record(mask);
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
      if (
        restoreState.restoring ||
        !mask ||
        status !== 'ready' ||
        mask === restoreState.journalMask
      )
        return;
      restoreState.journalMask = mask;
      journal.start(crypto.randomUUID());
      void save({ withPaint: false });
      journalChange();
    };

    const unsubscribeStore = useSessionStore.subscribe((state, previous) => {
      if (state.mask !== previous.mask) watchMask();
      adoptNewImage();
      if (
        state.status === 'ready' &&
        // A new picture or framing (the upload's PNG arriving later changes nothing kept).
        (state.prepared?.bitmap !== previous.prepared?.bitmap ||
          state.references !== previous.references ||
          state.status !== previous.status)
      ) {
        scheduleSave();
      }
    });
    watchMask();
    adoptNewImage();

    void restoreLastSession(editorSource).then((reopened) => {
      // A reopened session is saved whole (its journal folded in).
      if (reopened && !cancelled) scheduleSave();
      // Then this tab's results strip (and Compare) of that image.
      void restoreEditResults();
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
