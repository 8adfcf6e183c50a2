import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rulesFor } from '../../../api/model-lookup.ts';
import { planExtend } from './extend-plan.ts';
import { extendBlocker, extendSummary } from './extend-summary.ts';
import { planFrames } from './plan-frames.ts';

// Counts how often the frames are worked out: planning a wide canvas tries every frame
// position on the 16 px grid, so it should happen once per layout, not once per asker.
vi.mock('./plan-frames.ts', async (original) => {
  const actual = await original<typeof import('./plan-frames.ts')>();
  return { ...actual, planFrames: vi.fn(actual.planFrames) };
});

const gpt2 = rulesFor('gpt-image-2', 'edit')!;

/** What one render of the Edit view asks for a layout: Extend's blocker, the estimate's
 * frames and the summary under the canvas size, each with its own (equal) objects. */
function renderLayout(width: number, x: number) {
  const canvas = () => ({ width, height: 1024 });
  const original = () => ({ x, y: 0, width: 1024, height: 1024 });
  extendBlocker(gpt2, canvas(), original());
  planExtend(gpt2, canvas(), original());
  extendSummary(gpt2, canvas(), original());
}

describe('the frames of an extend', () => {
  beforeEach(() => {
    vi.mocked(planFrames).mockClear();
  });

  it('are worked out once per layout change, however many parts of the view ask', () => {
    renderLayout(4096, 1536);
    expect(planFrames).toHaveBeenCalledTimes(1);
    renderLayout(4096, 1536); // a render with the same layout (progress, a resize of the window)
    expect(planFrames).toHaveBeenCalledTimes(1);
    renderLayout(4096, 1024); // the picture moved
    expect(planFrames).toHaveBeenCalledTimes(2);
    renderLayout(4608, 1024); // the canvas widened
    expect(planFrames).toHaveBeenCalledTimes(3);
  });
});
