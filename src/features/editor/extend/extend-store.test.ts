import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useExtendStore } from './extend-store.ts';

const bitmap = () => ({ close: vi.fn() }) as unknown as ImageBitmap;

describe('an extend that stopped part-way', () => {
  beforeEach(() => {
    useExtendStore.setState({ original: null });
    useExtendStore.getState().openFor({ width: 1024, height: 1024 });
  });

  it('keeps the canvas so far shown until the layout changes, then shows the layout again', () => {
    const preview = bitmap();
    const stopped = { done: 1, total: 3, preview };
    useExtendStore.getState().patch({ progress: stopped, error: 'Frame 2 of 3 did not finish.' });
    useExtendStore.getState().patch({ running: false });
    expect(useExtendStore.getState().progress).toBe(stopped);

    useExtendStore.getState().centre();
    expect(useExtendStore.getState()).toMatchObject({ progress: null, error: null });
    expect(preview.close).toHaveBeenCalled();
  });

  it('is not dropped by a layout change while frames are still being made', () => {
    const progress = { done: 1, total: 3, preview: bitmap() };
    useExtendStore.getState().patch({ running: true, progress });
    useExtendStore.getState().centre();
    expect(useExtendStore.getState().progress).toBe(progress);
    useExtendStore.getState().patch({ running: false, progress: null });
  });
});
