import { describe, expect, it } from 'vitest';
import { lookFor } from './palette.ts';
import { renderPicture } from './render.ts';

const spec = { model: 'gpt-image-1', width: 96, height: 64, index: 0 };

describe('procedural pictures', () => {
  it('are exactly the asked size and reproducible', () => {
    const a = renderPicture({ ...spec, prompt: 'a red barn' });
    const b = renderPicture({ ...spec, prompt: 'a red barn' });
    expect(a.pixels.length).toBe(96 * 64 * 4);
    expect(Buffer.from(a.pixels).equals(Buffer.from(b.pixels))).toBe(true);
  });

  it('change with the index, and with transparency leave the sky clear', () => {
    const a = renderPicture({ ...spec, prompt: 'mountains' });
    const b = renderPicture({ ...spec, prompt: 'mountains', index: 1 });
    expect(Buffer.from(a.pixels).equals(Buffer.from(b.pixels))).toBe(false);
    const clear = renderPicture({ ...spec, prompt: 'mountains', transparent: true });
    expect(clear.pixels[3]).toBe(0); // top-left is sky
    expect(clear.pixels[clear.pixels.length - 1]).toBe(255); // bottom is land
  });

  it('take scene and colour from the prompt’s words', () => {
    expect(lookFor('waves on a blue ocean').scene).toBe('sea');
    expect(lookFor('a city skyline').scene).toBe('city');
    expect(lookFor('tulips in a garden').scene).toBe('garden');
    expect(lookFor('a moonlit night').dark).toBe(true);
    expect(lookFor('a green meadow').hue).toBe(128);
  });
});
