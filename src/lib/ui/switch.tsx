import { island } from './island.tsx';
import type { SwitchProps } from './switch-control.tsx';

export type { SwitchProps };

/** An on/off switch (switch-control.tsx), its Radix code split from the entry chunk. */
export const Switch = island<SwitchProps>(() =>
  import('./switch-control.tsx').then((m) => m.SwitchControl),
);
