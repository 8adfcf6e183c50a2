import { describe, expect, it } from 'vitest';
import { downloadName } from './download-name.ts';

describe('downloadName', () => {
  it('makes a file name from the prompt’s first words and the MIME’s extension', () => {
    expect(downloadName('A lighthouse on a cliff, at dusk!', 0, 1, 'image/png')).toBe(
      'a-lighthouse-on-a-cliff-at-dusk.png',
    );
    expect(downloadName('Crème brûlée', 1, 4, 'image/jpeg')).toBe('creme-brulee-2.jpg');
    expect(downloadName('x', 0, 1, 'image/webp')).toBe('x.webp');
  });

  it('cuts long prompts at a word, and falls back when nothing is left', () => {
    const name = downloadName('word '.repeat(40), 0, 1, 'image/png');
    expect(name.length).toBeLessThanOrEqual(64);
    expect(name).toMatch(/^(word-)*word\.png$/);
    expect(downloadName('🦊🦊', 2, 3, 'image/png')).toBe('easel-image-3.png');
  });
});
