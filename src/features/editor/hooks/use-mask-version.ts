import { useSyncExternalStore } from 'react';
import type { MaskModel } from '../mask/mask-model.ts';

const noop = () => () => {};

/** Re-renders when the mask changes (a committed stroke, undo, clear…), not on every move. */
export function useMaskVersion(mask: MaskModel | null): number {
  return useSyncExternalStore(
    mask ? (listener) => mask.subscribe(listener) : noop,
    () => mask?.version ?? 0,
  );
}
