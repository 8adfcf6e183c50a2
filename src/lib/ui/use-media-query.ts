import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, following changes (a rotated tablet, a resize). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => matchMedia(query).matches,
    () => false,
  );
}

const onResize = (onChange: () => void) => {
  addEventListener('resize', onChange);
  return () => removeEventListener('resize', onChange);
};

/** The window's inner width in CSS pixels, following resizes and rotations. */
export function useWindowWidth(): number {
  return useSyncExternalStore(
    onResize,
    () => globalThis.innerWidth,
    () => 1024,
  );
}

/** Below this the prompt panel leaves the side and becomes a drawer (phones, tablet portrait). */
export const NARROW = '(max-width: 899px)';
