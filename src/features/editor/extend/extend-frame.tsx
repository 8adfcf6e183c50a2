import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import type { Dimensions } from '../../../api/model-types.ts';
import { SIZE_STEP } from './extend-geometry.ts';
import { marginsOf, useExtendStore, type Side } from './extend-store.ts';

const SIDES: { side: Side; label: string; grows: 1 | -1; axis: 'x' | 'y' }[] = [
  { side: 'left', label: 'Left edge', grows: -1, axis: 'x' },
  { side: 'right', label: 'Right edge', grows: 1, axis: 'x' },
  { side: 'top', label: 'Top edge', grows: -1, axis: 'y' },
  { side: 'bottom', label: 'Bottom edge', grows: 1, axis: 'y' },
];

/**
 * The new canvas drawn to scale (`scale` screen px per image px): the picture where it will
 * sit, the new area around it, a handle on each side to drag that edge out or in (arrow
 * keys: 16 px), and the picture itself to drag it elsewhere on the canvas.
 */
export function ExtendFrame({
  picture,
  original,
  scale,
}: {
  picture: ImageBitmap;
  original: Dimensions;
  scale: number;
}) {
  const canvas = useExtendStore((s) => s.canvas);
  const at = useExtendStore((s) => s.at);
  // Held while an extend runs, and while a stopped one's layout is brought back.
  const running = useExtendStore((s) => s.running || s.restoring);
  const image = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = image.current;
    if (!el) return;
    el.width = picture.width;
    el.height = picture.height;
    el.getContext('2d')?.drawImage(picture, 0, 0);
  }, [picture]);
  if (!canvas || !at) return null;
  const margins = marginsOf(original, canvas, at);
  const { setMargin, moveTo } = useExtendStore.getState();

  /** Follows the pointer from `start`, calling `update` with the image-pixel offset. */
  const follow = (event: ReactPointerEvent, update: (dx: number, dy: number) => void) => {
    if (running) return;
    event.preventDefault();
    const target = event.currentTarget as HTMLElement;
    target.setPointerCapture(event.pointerId);
    const x0 = event.clientX;
    const y0 = event.clientY;
    const move = (e: PointerEvent) => update((e.clientX - x0) / scale, (e.clientY - y0) / scale);
    const end = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', end);
      target.removeEventListener('pointercancel', end);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', end);
    target.addEventListener('pointercancel', end);
  };

  return (
    <div
      className="extend-frame"
      style={{ width: canvas.width * scale, height: canvas.height * scale }}
    >
      <canvas
        ref={image}
        className="extend-frame__picture"
        role="img"
        aria-label={`The picture, ${at.x} px from the left and ${at.y} px from the top; drag it to move it`}
        style={{
          left: at.x * scale,
          top: at.y * scale,
          width: original.width * scale,
          height: original.height * scale,
        }}
        onPointerDown={(e) => {
          const from = { ...at };
          follow(e, (dx, dy) => moveTo({ x: from.x + dx, y: from.y + dy }));
        }}
      />
      {SIDES.map(({ side, label, grows, axis }) => {
        const from = margins[side];
        return (
          <div
            key={side}
            className={`extend-frame__handle extend-frame__handle--${side}`}
            role="slider"
            tabIndex={running ? -1 : 0}
            aria-label={label}
            aria-valuemin={0}
            aria-valuenow={from}
            aria-valuetext={`${from} px beyond the picture`}
            aria-disabled={running || undefined}
            onPointerDown={(e) =>
              follow(e, (dx, dy) => setMargin(side, from + grows * (axis === 'x' ? dx : dy)))
            }
            onKeyDown={(e) => {
              const outward =
                side === 'left' || side === 'top'
                  ? ['ArrowLeft', 'ArrowUp']
                  : ['ArrowRight', 'ArrowDown'];
              const inward =
                side === 'left' || side === 'top'
                  ? ['ArrowRight', 'ArrowDown']
                  : ['ArrowLeft', 'ArrowUp'];
              if (outward.includes(e.key)) setMargin(side, from + SIZE_STEP);
              else if (inward.includes(e.key)) setMargin(side, from - SIZE_STEP);
              else return;
              e.preventDefault();
            }}
          />
        );
      })}
    </div>
  );
}
