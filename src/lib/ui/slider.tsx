import { island } from './island.tsx';
import type { SliderProps } from './slider-control.tsx';

export type { SliderProps };

/** A number on a track (slider-control.tsx), its Radix code split from the entry chunk. */
export const Slider = island<SliderProps>(() =>
  import('./slider-control.tsx').then((m) => m.SliderControl),
);
