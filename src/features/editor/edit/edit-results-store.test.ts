import { afterEach, describe, expect, it } from 'vitest';
import { currentBatches, useEditResultsStore, type EditBatch } from './edit-results-store.ts';

const png = new Blob([new Uint8Array(4)], { type: 'image/png' });

function batch(id: string, sourceKey: string): EditBatch {
  return {
    id,
    sourceKey,
    prompt: `edit ${id}`,
    model: 'gpt-image-1',
    original: png,
    width: 4,
    height: 4,
    mask: null,
    painted: null,
    maskIsGuidance: true,
    results: [{ raw: png, composed: null, settings: null }],
  };
}

const store = () => useEditResultsStore.getState();

afterEach(() => {
  useEditResultsStore.setState({ batches: [], selected: null, mode: 'paint', sourceKey: null });
});

describe('edit results across a new image', () => {
  it('a new image closes Compare and the strip shows only its own results', () => {
    store().sourceChanged('lighthouse');
    store().addBatch(batch('a', 'lighthouse'));
    expect(store()).toMatchObject({ mode: 'compare', selected: { batchId: 'a', index: 0 } });

    store().sourceChanged('harbour');
    expect(store()).toMatchObject({ mode: 'paint', selected: null });
    expect(currentBatches(store())).toEqual([]);

    store().addBatch(batch('b', 'harbour'));
    expect(currentBatches(store()).map((b) => b.id)).toEqual(['b']);
  });

  it('an edit of the previous image that ends later joins its strip without taking the view', () => {
    store().sourceChanged('lighthouse');
    store().sourceChanged('harbour');
    store().addBatch(batch('late', 'lighthouse'));
    expect(store()).toMatchObject({ mode: 'paint', selected: null });
    expect(currentBatches(store())).toEqual([]);
    // Back to the lighthouse (a cancelled crop step): its results come back with it.
    store().sourceChanged('lighthouse');
    expect(currentBatches(store()).map((b) => b.id)).toEqual(['late']);
  });

  it('Extend canvas stays open when the image changes; only Compare closes', () => {
    store().setMode('extend');
    store().sourceChanged('harbour');
    expect(store().mode).toBe('extend');
  });
});
