import { useMemo, type RefObject } from 'react';
import { useContentSize } from '../../../lib/use-content-size.ts';

/** The largest width x height of the given aspect that fits inside the element. */
export function useFitSize(
  container: RefObject<HTMLElement | null>,
  width: number,
  height: number,
): { width: number; height: number } | null {
  const box = useContentSize(container);
  return useMemo(() => {
    if (box.width === 0 && box.height === 0) return null;
    const k = Math.min(box.width / width, box.height / height);
    return { width: Math.floor(width * k), height: Math.floor(height * k) };
  }, [box, width, height]);
}
