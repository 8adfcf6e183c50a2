import { describe, expect, it } from 'vitest';
import { rulesFor } from '../../../api/model-lookup.ts';
import type { ImageParams } from '../../../api/params.ts';
import { extendRequests, planExtend } from './extend-plan.ts';

const gpt2 = rulesFor('gpt-image-2', 'edit')!;
const dalle2 = rulesFor('dall-e-2', 'edit')!;
const params = { model: 'gpt-image-2', prompt: 'a long panorama', n: 3 } as ImageParams;

describe('the requests an extend sends', () => {
  it('a canvas one request makes is one request at its size, offering Number of images', () => {
    const frames = planExtend(
      gpt2,
      { width: 1536, height: 1024 },
      {
        x: 256,
        y: 0,
        width: 1024,
        height: 1024,
      },
    )!;
    const requests = extendRequests(params, { width: 1536, height: 1024 }, frames, [
      { width: 300, height: 200 },
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.params).toMatchObject({ size: '1536x1024', n: 3 });
    expect(requests[0]!.inputs).toEqual([
      { width: 1536, height: 1024 },
      { width: 300, height: 200 },
    ]);
  });

  it('an extend in frames is one image per frame, each at its frame’s size (pins n = 1)', () => {
    const frames = planExtend(
      gpt2,
      { width: 4096, height: 1024 },
      {
        x: 1536,
        y: 0,
        width: 1024,
        height: 1024,
      },
    )!;
    const requests = extendRequests(params, { width: 4096, height: 1024 }, frames, []);
    expect(requests.map((r) => [r.params.size, r.params.n])).toEqual([
      ['3072x1024', 1],
      ['3072x1024', 1],
      ['3072x1024', 1],
    ]);
  });

  it('one frame that takes in all the new area is still a frame: one image (n = 1), pasted on the canvas', () => {
    const canvas = { width: 1200, height: 1024 };
    const frames = planExtend(dalle2, canvas, { x: 0, y: 0, width: 1024, height: 1024 })!;
    expect(frames).toEqual([
      { x: 176, y: 0, width: 1024, height: 1024, request: { width: 1024, height: 1024 } },
    ]);
    expect(extendRequests(params, canvas, frames, [])[0]!.params.n).toBe(1);
  });

  it('DALL·E 2 extends a picture that is not square in square frames', () => {
    const frames = planExtend(
      dalle2,
      { width: 1024, height: 1024 },
      {
        x: 128,
        y: 256,
        width: 768,
        height: 512,
      },
    )!;
    expect(frames).toEqual([
      { x: 0, y: 0, width: 1024, height: 1024, request: { width: 1024, height: 1024 } },
    ]);
    const wide = planExtend(
      dalle2,
      { width: 1536, height: 512 },
      {
        x: 384,
        y: 0,
        width: 768,
        height: 512,
      },
    )!;
    expect(wide.length).toBeGreaterThan(1);
    for (const f of wide) expect(f.request.width).toBe(f.request.height);
  });
});
