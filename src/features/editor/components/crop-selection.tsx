import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { clampSquare, type SquareCrop } from '../../../lib/image-geometry.ts';
import { cropMoveFor } from '../commands/crop-keys.ts';

interface CropSelectionProps {
  crop: SquareCrop;
  /** Source pixels → displayed pixels. */
  scale: number;
  image: { width: number; height: number };
  onChange: (crop: SquareCrop) => void;
}

/** The square to keep: drag it, or move it with the arrow keys (Shift: 10× faster). */
export function CropSelection({ crop, scale, image, onChange }: CropSelectionProps) {
  const drag = useRef<{ x: number; y: number; crop: SquareCrop } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, crop };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    const dx = (e.clientX - start.x) / scale;
    const dy = (e.clientY - start.y) / scale;
    onChange(
      clampSquare(
        { ...start.crop, x: start.crop.x + dx, y: start.crop.y + dy },
        image.width,
        image.height,
      ),
    );
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = cropMoveFor(e, Math.max(1, Math.round(1 / scale)));
    if (!move) return;
    e.preventDefault();
    onChange(
      clampSquare({ ...crop, x: crop.x + move[0], y: crop.y + move[1] }, image.width, image.height),
    );
  };

  return (
    <div
      className="crop-selection"
      role="group"
      aria-roledescription="crop area"
      aria-label={`Square to keep: ${crop.side}×${crop.side} px at ${crop.x}, ${crop.y}. Drag or use the arrow keys to move it.`}
      tabIndex={0}
      style={{
        left: crop.x * scale,
        top: crop.y * scale,
        width: crop.side * scale,
        height: crop.side * scale,
      }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
