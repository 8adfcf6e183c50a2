/**
 * Reports an element's content-box size in device pixels whenever it changes (and once at
 * the start), through one ResizeObserver shared by every grid tile: one observer for the
 * screen, not one per tile.
 */
type Listener = (size: { width: number; height: number }) => void;

const listeners = new Map<Element, Listener>();
let observer: ResizeObserver | undefined;

function sizeOf(entry: ResizeObserverEntry) {
  // The CSS size times the ratio, rounded up to cover the box. Not devicePixelContentBoxSize:
  // under a device-scale emulation (and so in tests) Chromium reports CSS pixels there.
  const ratio = window.devicePixelRatio || 1;
  return {
    width: Math.ceil(entry.contentRect.width * ratio),
    height: Math.ceil(entry.contentRect.height * ratio),
  };
}

function observe(element: Element) {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) listeners.get(entry.target)?.(sizeOf(entry));
  });
  try {
    // This box also reports a change of devicePixelRatio (a window moved to another screen).
    observer.observe(element, { box: 'device-pixel-content-box' });
  } catch {
    // A browser without that box (Safari) throws: the content box is the next best.
    observer.observe(element);
  }
}

/** Calls `listener` with `element`'s device-pixel size as it changes; returns the stop. */
export function watchDevicePixels(element: Element, listener: Listener): () => void {
  listeners.set(element, listener);
  observe(element);
  return () => {
    listeners.delete(element);
    observer?.unobserve(element);
  };
}
