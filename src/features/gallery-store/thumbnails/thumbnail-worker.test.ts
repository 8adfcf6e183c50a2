import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ThumbnailApi } from './thumbnail-worker.ts';

// The worker's decoded pictures are closed as soon as they are drawn, on every path: a
// bitmap left open holds its pixels until a garbage collection, which a worker busy with
// thousands of thumbnails seldom runs.

const exposed = vi.hoisted(() => ({ api: null as ThumbnailApi | null }));
vi.mock('../../../lib/worker-expose.ts', () => ({
  exposeApi: (api: ThumbnailApi) => (exposed.api = api),
}));

class Bitmap {
  closed = false;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {}
  close() {
    this.closed = true;
  }
}
let bitmaps: Bitmap[] = [];
let drawFails = false;
vi.stubGlobal(
  'createImageBitmap',
  async (_: unknown, options?: { resizeWidth: number; resizeHeight: number }) => {
    const bitmap = options
      ? new Bitmap(options.resizeWidth, options.resizeHeight)
      : new Bitmap(1536, 1024);
    bitmaps.push(bitmap);
    return bitmap;
  },
);
vi.stubGlobal(
  'OffscreenCanvas',
  class {
    width = 1;
    height = 1;
    getContext() {
      return {
        drawImage: () => {
          if (drawFails) throw new Error('The canvas ran out of memory.');
        },
      };
    }
    convertToBlob() {
      return Promise.resolve(new Blob(['webp'], { type: 'image/webp' }));
    }
  },
);
await import('./thumbnail-worker.ts');
const api = exposed.api!;

beforeEach(() => {
  bitmaps = [];
  drawFails = false;
});

describe('the thumbnail worker', () => {
  it('closes the decoded picture and its resized copy', async () => {
    const made = await api.make(new Blob(['png']), 384);
    expect(made).toMatchObject({ width: 1536, height: 1024 });
    expect(bitmaps.map((b) => [b.width, b.height, b.closed])).toEqual([
      [1536, 1024, true],
      [384, 256, true],
    ]);
  });

  it('closes both when drawing fails, and says why', async () => {
    drawFails = true;
    await expect(api.make(new Blob(['png']), 384)).rejects.toThrow('ran out of memory');
    expect(bitmaps).toHaveLength(2);
    expect(bitmaps.every((b) => b.closed)).toBe(true);
  });

  it('closes every picture of a batch, one that fails included', async () => {
    drawFails = true;
    expect(await api.makeAll([new Blob(['a']), new Blob(['b'])], 384)).toEqual([null, null]);
    expect(bitmaps).toHaveLength(4);
    expect(bitmaps.every((b) => b.closed)).toBe(true);
  });
});
