import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The content-box width of an element, kept current by a ResizeObserver.
 *
 * Measured once before the first paint too: the observer's first answer comes a frame late,
 * and a grid laid out for width 0 until then draws one column for that frame.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(contentWidth(element));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** What a ResizeObserver's contentRect.width reports: inside the padding and the scrollbar. */
function contentWidth(element: HTMLElement): number {
  const style = getComputedStyle(element);
  const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  return Math.max(0, Math.floor(element.clientWidth - padding));
}
