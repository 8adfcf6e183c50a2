/**
 * The editor's results strip and Compare view survive a reload of the tab (issue 16, item
 * 4). Each edit's batch — what was sent and what came back, raw and composed — is kept in
 * the editor's database under this tab's id; which image they belong to, the selected
 * result and whether Compare was open are kept in sessionStorage. After the last session's
 * image is reopened, the batches made from it come back in the strip and Compare reopens.
 */
import { recallInTab, rememberInTab, tabId } from '../../../lib/tab-memory.ts';
import { deleteEditBatches, loadEditBatches, putEditBatch } from '../stores/session-persistence.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { useEditResultsStore, type EditBatch, type EditorMode } from './edit-results-store.ts';

const UI_KEY = 'easel.edit-results-view';
/** A re-composed result is written once the designer stops adjusting. */
const PATCH_DELAY_MS = 500;

interface RememberedView {
  sourceKey: string | null;
  selected: { batchId: string; index: number } | null;
  mode: EditorMode;
}

function rememberedView(): RememberedView | null {
  try {
    return JSON.parse(recallInTab(UI_KEY) ?? 'null') as RememberedView | null;
  } catch {
    return null;
  }
}

const warn = (error: unknown) => console.warn('Easel: edit results not kept for a reload', error);

let keeping = false;

/** From now on every batch and the strip's view are kept for a reload of this tab. */
function keepEditResults(known: readonly EditBatch[], addedAt: Map<string, number>): void {
  if (keeping) return;
  keeping = true;
  const tab = tabId();
  const written = new WeakSet<EditBatch>(known);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const put = (batch: EditBatch) => {
    timers.delete(batch.id);
    const at = addedAt.get(batch.id) ?? Date.now();
    addedAt.set(batch.id, at);
    putEditBatch({ id: batch.id, tabId: tab, addedAt: at, batch }).catch(warn);
  };

  useEditResultsStore.subscribe((state, before) => {
    if (state.batches !== before.batches) {
      for (const batch of state.batches) {
        if (written.has(batch)) continue;
        written.add(batch);
        // A new edit is written at once (a reload may follow); a re-composed one when settled.
        if (!addedAt.has(batch.id)) put(batch);
        else {
          clearTimeout(timers.get(batch.id));
          timers.set(
            batch.id,
            setTimeout(() => put(batch), PATCH_DELAY_MS),
          );
        }
      }
      const gone = before.batches.filter((b) => !state.batches.some((x) => x.id === b.id));
      if (gone.length > 0) deleteEditBatches(gone.map((b) => b.id)).catch(warn);
    }
    if (
      state.sourceKey !== before.sourceKey ||
      state.selected !== before.selected ||
      state.mode !== before.mode
    ) {
      const { sourceKey, selected, mode } = state;
      rememberInTab(UI_KEY, JSON.stringify({ sourceKey, selected, mode }));
    }
  });
}

/**
 * Called once the last session's image is back in the editor (or none was): the tab's
 * stored batches return, those of that image in its strip, and Compare if it was open.
 */
let restoring: Promise<void> | null = null;
export const restoreEditResults = () => (restoring ??= restore());

/** The last page's image key and the key it was reopened under, once restored. */
let reopened: { from: string; to: string } | null = null;

/** The key an image of the last page has now (null: it is not in the editor any more). */
export function keyAfterReload(key: string | null): string | null {
  const now = useSessionStore.getState().source?.key ?? null;
  if (key === now) return now;
  return reopened && reopened.from === key && reopened.to === now ? now : null;
}

async function restore(): Promise<void> {
  const view = rememberedView();
  // The image the last session reopened, read now: another may be brought in while the
  // batches load, and they are not its results (they would cover it with the old Compare).
  const key = useSessionStore.getState().source?.key ?? null;
  let restored: EditBatch[] = [];
  const addedAt = new Map<string, number>();
  try {
    if (view) {
      if (key && view.sourceKey) reopened = { from: view.sourceKey, to: key };
      const rows = await loadEditBatches(tabId());
      for (const row of rows) addedAt.set(row.id, row.addedAt);
      // The image's key is new after the reload: its batches follow it to the new key.
      restored = rows.map(({ batch }) => ({
        ...batch,
        sourceKey: key && view.sourceKey && batch.sourceKey === view.sourceKey ? key : null,
      }));
    }
  } catch (error) {
    warn(error);
  }
  if (restored.length > 0) {
    useEditResultsStore.setState((s) => {
      const known = new Set(s.batches.map((b) => b.id));
      const batches = [...s.batches, ...restored.filter((b) => !known.has(b.id))];
      const back = view?.selected;
      const shown =
        view?.mode === 'compare' &&
        back &&
        s.mode === 'paint' &&
        batches.some((b) => b.id === back.batchId && b.sourceKey === s.sourceKey)
          ? { selected: back, mode: 'compare' as const }
          : {};
      return { batches, ...shown };
    });
  }
  keepEditResults(useEditResultsStore.getState().batches, addedAt);
}
