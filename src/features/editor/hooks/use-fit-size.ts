import { useEffect, useState, type RefObject } from 'react';

/** The largest width x height of the given aspect that fits inside the element. */
export function useFitSize(
  container: RefObject<HTMLElement | null>,
  width: number,
  height: number,
): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const k = Math.min(entry.contentRect.width / width, entry.contentRect.height / height);
      setSize({ width: Math.floor(width * k), height: Math.floor(height * k) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [container, width, height]);
  return size;
}
