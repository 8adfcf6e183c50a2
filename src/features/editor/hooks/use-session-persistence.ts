import { useEffect } from 'react';
import { editorSource } from '../intake/editor-source.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { loadSession, saveSession } from '../stores/session-persistence.ts';

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
 * Restores the last session when the editor first mounts with nothing open, then saves
 * (debounced) whenever the image, its framing, the references or the mask change, and at
 * once when the page is hidden or an edit is sent.
 */
export function useSessionPersistence(): void {
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribeMask: (() => void) | undefined;
    let pending = false;

    const save = () => {
      clearTimeout(timer);
      pending = false;
      return saveSession(useSessionStore.getState()).then(
        () => {
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

    const watchMask = () => {
      unsubscribeMask?.();
      unsubscribeMask = useSessionStore.getState().mask?.subscribe(scheduleSave);
    };

    const unsubscribeStore = useSessionStore.subscribe((state, previous) => {
      if (state.mask !== previous.mask) watchMask();
      if (
        state.status === 'ready' &&
        (state.prepared !== previous.prepared ||
          state.references !== previous.references ||
          state.model !== previous.model ||
          state.status !== previous.status)
      ) {
        scheduleSave();
      }
    });
    watchMask();

    (async () => {
      if (useSessionStore.getState().status !== 'empty') return;
      const stored = await loadSession();
      if (cancelled || !stored || useSessionStore.getState().status !== 'empty') return;
      // The model is the prompt panel's (its draft survives reloads on its own).
      useSessionStore.setState({
        references: stored.references.map((r) => ({ ...r, id: crypto.randomUUID() })),
      });
      await editorSource.open(stored.file, {
        name: stored.name,
        ...(stored.parentId ? { parentId: stored.parentId } : {}),
        restore: {
          paint: stored.paint,
          geometry: stored.geometry,
          squareChoice: stored.squareChoice,
        },
      });
    })().catch((error: unknown) =>
      useSessionStore.setState({
        saveError: `Your last session could not be restored (${(error as Error).message}).`,
      }),
    );

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
