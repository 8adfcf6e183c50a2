/**
 * The last session's restore: once per page, into an empty editor. Kept apart from the
 * persistence hook so the source flow can await it before any open (no import cycle: this
 * module is given the flow, it does not import it).
 */
import type { MaskModel } from '../mask/mask-model.ts';
import type { SourceFlow } from '../intake/source-flow.ts';
import { loadSession, writeJournal } from './session-persistence.ts';
import { useSessionStore } from './session-store.ts';
import { journalEntries, StrokeJournal, tilesAfter } from './stroke-journal.ts';

/** The journal outlives the editor's unmounts (switching tabs keeps the image open). */
export const journal = new StrokeJournal(writeJournal);

// What the journal still has waiting is written before the page goes or is hidden (it may
// then be discarded without another event), editor shown or not.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => journal.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') journal.flush();
  });
}

export const restoreState = {
  /** The mask the journal records: a new one means a newly opened image. */
  journalMask: null as MaskModel | null,
  /** True while the last session is being reopened: nothing is saved or journalled meanwhile. */
  restoring: false,
};

/** The one restore of this page's life, started by the editor's mount or the first open. */
let restore: Promise<boolean> | null = null;

/**
 * Reopens the last session's image, mask and references, once per page and only into an
 * empty editor. Every open the designer asks for waits for it first (SourceFlow's
 * beforeOpen), so a mask painted before a reload is asked about, never silently replaced,
 * and the open is never dropped by a restore finishing after it.
 * Resolves true once a session was reopened, false when there was none to reopen.
 */
export function restoreLastSession(flow: SourceFlow): Promise<boolean> {
  restore ??= restoreOnce(flow).catch((error: unknown) => {
    useSessionStore.setState({
      saveError: `Your last session could not be restored (${(error as Error).message}).`,
    });
    return false;
  });
  return restore;
}

async function restoreOnce(flow: SourceFlow): Promise<boolean> {
  if (useSessionStore.getState().status !== 'empty') return false;
  const stored = await loadSession();
  if (!stored || useSessionStore.getState().status !== 'empty') return false;
  const { session, journal: storedJournal } = stored;
  restoreState.restoring = true;
  try {
    // The model is the prompt panel's (its draft survives reloads on its own).
    useSessionStore.setState({
      references: session.references.map((r) => ({ ...r, id: crypto.randomUUID() })),
    });
    await flow.open(session.file, {
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
    const entries = session.sessionKey ? journalEntries(storedJournal, session.sessionKey) : [];
    mask.restoreTiles(tilesAfter(entries, session.journalSeq ?? 0));
    mask.takeChangedTiles();
    restoreState.journalMask = mask;
    journal.start(session.sessionKey ?? crypto.randomUUID(), entries);
    return true;
  } finally {
    restoreState.restoring = false;
  }
}
