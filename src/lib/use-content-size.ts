import { useLayoutEffect, useState, type RefObject } from 'react';

export interface ContentSize {
  width: number;
  height: number;
}

/**
 * The content-box size of an element (inside its padding and scrollbars), kept current by a
 * ResizeObserver; 0 × 0 until the element is mounted.
 *
 * It is measured once before the first paint too: the observer's first answer comes a frame
 * late, and a layout made for 0 × 0 until then is painted so (a grid in one column, a picture
 * hidden).
 */
export function useContentSize(ref: RefObject<HTMLElement | null>): ContentSize {
  const [size, setSize] = useState<ContentSize>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = (next: ContentSize) =>
      setSize((now) => (now.width === next.width && now.height === next.height ? now : next));
    update(measure(element));
    const observer = new ResizeObserver(([entry]) => {
      if (entry)
        update({
          width: Math.floor(entry.contentRect.width),
          height: Math.floor(entry.contentRect.height),
        });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** What a ResizeObserver's contentRect reports, read from the element's layout now. */
function measure(element: HTMLElement): ContentSize {
  const style = getComputedStyle(element);
  const across = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
  const down = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  return {
    width: Math.max(0, Math.floor(element.clientWidth - across)),
    height: Math.max(0, Math.floor(element.clientHeight - down)),
  };
}
