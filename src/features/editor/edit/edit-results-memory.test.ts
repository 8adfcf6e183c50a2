import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

// This tab's memory (sessionStorage), which node lacks.
const tab = new Map<string, string>();
vi.stubGlobal('sessionStorage', {
  getItem: (key: string) => tab.get(key) ?? null,
  setItem: (key: string, value: string) => void tab.set(key, value),
  removeItem: (key: string) => void tab.delete(key),
});

const { tabId } = await import('../../../lib/tab-memory.ts');
const { putEditBatch } = await import('../stores/session-persistence.ts');
const { useSessionStore } = await import('../stores/session-store.ts');
const { useEditResultsStore } = await import('./edit-results-store.ts');
const { restoreEditResults } = await import('./edit-results-memory.ts');

const png = new Blob([new Uint8Array([1])], { type: 'image/png' });
const source = (key: string) =>
  ({ key, name: `${key}.png`, file: png }) as unknown as NonNullable<
    ReturnType<typeof useSessionStore.getState>['source']
  >;

describe('restoreEditResults', () => {
  it('gives the last page’s results to the image it reopened, even when another is opened while they load', async () => {
    // The last page: an edit of image "old", shown in Compare.
    tab.set(
      'easel.edit-results-view',
      JSON.stringify({ sourceKey: 'old', selected: { batchId: 'b1', index: 0 }, mode: 'compare' }),
    );
    await putEditBatch({
      id: 'b1',
      tabId: tabId(),
      addedAt: 1,
      batch: {
        id: 'b1',
        sourceKey: 'old',
        prompt: 'a lighthouse',
        model: 'gpt-image-1',
        original: png,
        width: 1,
        height: 1,
        mask: null,
        painted: null,
        maskIsGuidance: true,
        results: [{ raw: png, composed: null, settings: null }],
      },
    });
    // The reload reopened that image under a new key…
    useSessionStore.setState({ source: source('reopened') });
    useEditResultsStore.getState().sourceChanged('reopened');
    const restoring = restoreEditResults();
    // …and the designer brings another image in while the results are being read.
    useSessionStore.setState({ source: source('designer') });
    useEditResultsStore.getState().sourceChanged('designer');
    await restoring;

    const state = useEditResultsStore.getState();
    expect(state.batches.map((b) => b.sourceKey)).toEqual(['reopened']);
    // The new image's editor is not covered by the old image's Compare.
    expect(state.mode).toBe('paint');
    expect(state.selected).toBeNull();
  });
});
