import { useEffect, useState } from 'react';

/** How long a tile that appeared during a scroll must stay before it loads its thumbnail… */
export const SETTLE_MS = 100;
/** …and through how many frames (~1/6 s at 60 Hz). */
export const SETTLE_FRAMES = 10;

/**
 * Whether a grid tile may load its thumbnail yet. A tile that appears while the grid is still
 * loads at once; one that appears during a scroll waits until it has stayed `delayMs` and
 * `frames` animation frames, or the scroll stops. A fling through thousands of entries then
 * reads and decodes only what the eye can land on, not every tile that crosses the screen
 * (measured: the reads, decodes and query bookkeeping of those tiles were most of the main
 * thread's time per frame, bench/HISTORY.md). Time alone is not enough: when the main thread
 * is slow (a loaded machine), every frame is long, tiles crossing the screen outlast
 * `delayMs`, settle and decode, and that makes the frames slower still; counting frames
 * breaks that loop. Once settled, a tile stays settled.
 */
export function useSettled(
  scrolling: boolean,
  delayMs = SETTLE_MS,
  frames = SETTLE_FRAMES,
): boolean {
  const [settled, setSettled] = useState(!scrolling);
  // The scroll stopped: settle now (state derived during render, as React recommends).
  if (!settled && !scrolling) setSettled(true);
  useEffect(() => {
    if (settled) return;
    const start = performance.now();
    let seen = 0;
    let request = requestAnimationFrame(function tick(now) {
      if (++seen >= frames && now - start >= delayMs) setSettled(true);
      else request = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(request);
  }, [settled, delayMs, frames]);
  return settled || !scrolling;
}
