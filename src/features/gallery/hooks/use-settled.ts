import { useEffect, useState } from 'react';

/** How long a tile that appeared during a scroll must stay before it loads its thumbnail. */
export const SETTLE_MS = 100;

/**
 * Whether a grid tile may load its thumbnail yet. A tile that appears while the grid is still
 * loads at once; one that appears during a scroll waits until it has stayed `delayMs` or the
 * scroll stops. A fling through thousands of entries then reads and decodes only what the
 * eye can land on, not every tile that crosses the screen for a frame or two (measured: the
 * reads, decodes and query bookkeeping of those tiles were most of the main thread's time
 * per frame, bench/README.md). Once settled, a tile stays settled.
 */
export function useSettled(scrolling: boolean, delayMs = SETTLE_MS): boolean {
  const [settled, setSettled] = useState(!scrolling);
  // The scroll stopped: settle now (state derived during render, as React recommends).
  if (!settled && !scrolling) setSettled(true);
  useEffect(() => {
    if (settled) return;
    const timer = setTimeout(() => setSettled(true), delayMs);
    return () => clearTimeout(timer);
  }, [settled, delayMs]);
  return settled || !scrolling;
}
