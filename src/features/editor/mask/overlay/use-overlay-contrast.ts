/**
 * Keeps Auto's swatch right for the picture under the paint: looked at again a moment after
 * each change of the mask (a stroke's end, undo, a selection), while Auto is chosen.
 */
import { useEffect } from 'react';
import type { MaskModel } from '../mask-model.ts';
import { pickContrasting } from './overlay-colour.ts';
import { samplesUnderPaint } from './overlay-samples.ts';
import { useOverlayStore } from './overlay-store.ts';

/** Waits for the mask to rest, so a burst of changes is looked at once. */
const REST_MS = 150;

export function useOverlayContrast(picture: ImageBitmap, mask: MaskModel): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = () => {
      const { choice, auto, setAuto } = useOverlayStore.getState();
      if (choice !== 'auto') return;
      setAuto(pickContrasting(samplesUnderPaint(picture, mask), auto));
    };
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(look, REST_MS);
    };
    // A task of its own: the picture has just arrived, and its first frame comes first.
    timer = setTimeout(look, 0);
    const unsubscribeMask = mask.subscribe(soon);
    const unsubscribeChoice = useOverlayStore.subscribe((s, before) => {
      if (s.choice !== before.choice) look();
    });
    return () => {
      clearTimeout(timer);
      unsubscribeMask();
      unsubscribeChoice();
    };
  }, [picture, mask]);
}
