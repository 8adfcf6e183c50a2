import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface ContentSize {
  width: number;
  height: number;
}

const NONE: ContentSize = { width: 0, height: 0 };

/**
 * The content-box size of an element (inside its padding and scrollbars), kept current by a
 * ResizeObserver; 0 × 0 while the element is not mounted.
 *
 * It is measured once before the first paint too: the observer's first answer comes a frame
 * late, and a layout made for 0 × 0 until then is painted so (a grid in one column, a picture
 * hidden).
 *
 * The element is looked for after every render, not only the first: a view that mounts it a
 * render later (once its data is ready) or swaps it must still be measured.
 */
export function useContentSize(ref: RefObject<HTMLElement | null>): ContentSize {
  const [size, setSize] = useState<ContentSize>(NONE);
  const watched = useRef<{ element: HTMLElement; observer: ResizeObserver } | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (watched.current?.element === element) return;
    watched.current?.observer.disconnect();
    watched.current = null;
    const update = (next: ContentSize) =>
      setSize((now) => (now.width === next.width && now.height === next.height ? now : next));
    if (!element) {
      update(NONE);
      return;
    }
    update(measureContentSize(element));
    const observer = new ResizeObserver(([entry]) => {
      if (entry)
        update({
          width: Math.floor(entry.contentRect.width),
          height: Math.floor(entry.contentRect.height),
        });
    });
    observer.observe(element);
    watched.current = { element, observer };
  });
  useLayoutEffect(
    () => () => {
      watched.current?.observer.disconnect();
      watched.current = null;
    },
    [],
  );
  return size;
}

/**
 * What a ResizeObserver's contentRect reports, floored, read from the element's layout now.
 * From the border box's fractional size (the element is under no transform): clientWidth
 * and clientHeight are rounded, and a picture fitted to them would differ by a pixel from
 * the fit to the observer's next answer.
 */
export function measureContentSize(element: HTMLElement): ContentSize {
  const style = getComputedStyle(element);
  const px = (value: string) => parseFloat(value) || 0;
  const box = element.getBoundingClientRect();
  const bordersX = px(style.borderLeftWidth) + px(style.borderRightWidth);
  const bordersY = px(style.borderTopWidth) + px(style.borderBottomWidth);
  // A scrollbar takes its width from the content box (the integer sizes agree on it).
  const scrollbarX = Math.max(0, element.offsetWidth - element.clientWidth - bordersX);
  const scrollbarY = Math.max(0, element.offsetHeight - element.clientHeight - bordersY);
  const width = box.width - bordersX - px(style.paddingLeft) - px(style.paddingRight) - scrollbarX;
  const height =
    box.height - bordersY - px(style.paddingTop) - px(style.paddingBottom) - scrollbarY;
  return { width: Math.max(0, Math.floor(width)), height: Math.max(0, Math.floor(height)) };
}
