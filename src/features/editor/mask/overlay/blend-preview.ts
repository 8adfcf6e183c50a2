/**
 * "Show blend band": the band soft compose will blend around the painted area, drawn on the
 * stage under the overlay colour (fading as the blend does), with the Grow and Feather an
 * edit sent now would use. Worked out in the compose worker a moment after each change of
 * the mask, only while shown.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { composeWorker } from '../../compose/compose-client.ts';
import { useEditResultsStore } from '../../edit/edit-results-store.ts';
import type { MaskModel } from '../mask-model.ts';
import { browserCanvas, context2d, type PaintCanvas } from '../paint-canvas.ts';

/** How strongly the band's fullest part shows, next to the painted area's full tint. */
const BAND_ALPHA = 0.6;
const REST_MS = 250;

export interface BlendBand {
  canvas: PaintCanvas;
  grow: number;
  feather: number;
}

interface BlendPreviewState {
  show: boolean;
  /** Null while not shown, before it is worked out, or with nothing painted. */
  band: BlendBand | null;
  error: string | null;
  setShow: (show: boolean) => void;
}

export const useBlendPreviewStore = create<BlendPreviewState>((set) => ({
  show: false,
  band: null,
  error: null,
  setShow: (show) => set({ show, ...(show ? {} : { band: null, error: null }) }),
}));

async function workOut(mask: MaskModel): Promise<BlendBand | null> {
  const { width, height } = mask;
  const alpha = mask.readAlpha({ x: 0, y: 0, width, height });
  const mode = useEditResultsStore.getState().composeMode;
  const found = await composeWorker().blendBand(alpha, width, height, mode);
  if (!found) return null;
  const canvas = browserCanvas(width, height);
  const ctx = context2d(canvas);
  const image = ctx.createImageData(width, height);
  for (let p = 0; p < found.band.length; p++) {
    image.data[p * 4 + 3] = found.band[p]! * BAND_ALPHA;
  }
  ctx.putImageData(image, 0, 0);
  return { canvas, grow: found.settings.grow, feather: found.settings.feather };
}

/** Keeps the band up to date with the mask while it is shown. */
export function useBlendPreview(mask: MaskModel): void {
  const show = useBlendPreviewStore((s) => s.show);
  const composeMode = useEditResultsStore((s) => s.composeMode);
  useEffect(() => {
    if (!show) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ticket = 0;
    const update = async () => {
      const mine = ++ticket;
      try {
        const band = await workOut(mask);
        if (mine === ticket) useBlendPreviewStore.setState({ band, error: null });
      } catch (e) {
        if (mine === ticket) {
          useBlendPreviewStore.setState({
            band: null,
            error: `The blend band could not be shown: ${(e as Error).message}`,
          });
        }
      }
    };
    void update();
    const unsubscribe = mask.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void update(), REST_MS);
    });
    return () => {
      ticket++;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [mask, show, composeMode]);
}
