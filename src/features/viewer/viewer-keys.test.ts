import { describe, expect, it } from 'vitest';
import { viewerCommandFor } from './viewer-keys.ts';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('viewerCommandFor', () => {
  it('steps images with the arrows and pans with Shift+arrows', () => {
    expect(viewerCommandFor(key('ArrowRight'))).toBe('next');
    expect(viewerCommandFor(key('ArrowRight', { shiftKey: true }))).toBe('pan-right');
  });

  it('zooms in with "+" typed with Shift, as most layouts need', () => {
    expect(viewerCommandFor(key('+', { shiftKey: true }))).toBe('zoom-in');
    expect(viewerCommandFor(key('1'))).toBe('actual-size');
  });

  it('leaves Ctrl combinations to the browser (Ctrl+0 resets the page zoom)', () => {
    expect(viewerCommandFor(key('0', { ctrlKey: true }))).toBeNull();
  });
});
