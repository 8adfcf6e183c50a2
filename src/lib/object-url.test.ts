import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeAhead } from './object-url.ts';

// Node has no <img>: a stand-in that decodes at once, as a browser does for a small image.
class DecodingImage {
  src = '';
  decode = () => Promise.resolve();
}

describe('decodeAhead', () => {
  const revoked: string[] = [];
  beforeEach(() => {
    revoked.length = 0;
    vi.useFakeTimers();
    vi.stubGlobal('Image', DecodingImage);
    let n = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${++n}`);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('holds the image until it is shown, then lets it go: a removed result keeps no bytes alive', async () => {
    let show!: () => void;
    const shown = new Promise<void>((resolve) => (show = resolve));
    const held = decodeAhead(new Blob(['png']), shown);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(revoked).toEqual([]); // still saving: the decoded pixels wait for the tile
    show();
    await held;
    // Nothing took the URL over (the result was removed or is in another view): it goes
    // after the same grace a tile's URL gets, not seconds later.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(revoked).toEqual(['blob:test/1']);
  });

  it('lets go also when the save failed', async () => {
    const held = decodeAhead(new Blob(['png']), Promise.reject(new Error('disk full')));
    await held;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(revoked).toEqual(['blob:test/1']);
  });
});
