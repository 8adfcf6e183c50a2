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

const painted = new WeakMap<MaskModel, { version: number; painted: boolean }>();

/**
 * Whether the mask has any paint, re-read once per committed change (a full read of the
 * mask: pass null where the answer is not needed, e.g. for a model that needs no mask).
 */
export function useMaskPainted(mask: MaskModel | null): boolean {
  const version = useMaskVersion(mask);
  if (!mask) return false;
  const known = painted.get(mask);
  if (known?.version === version) return known.painted;
  const answer = mask.hasPaint();
  painted.set(mask, { version, painted: answer });
  return answer;
}
