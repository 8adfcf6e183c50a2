/**
 * The bitmap the stage draws for the image: the image itself, or, zoomed far out, a copy
 * scaled down to the view's resolution (view-copy-size.ts) made in the image worker. Until
 * the copy arrives the image itself is drawn, as before; copies are kept per level while the
 * image stays open and closed with it.
 */
import { useEffect, useMemo, useState } from 'react';
import { imageTasks } from '../intake/image-tasks.ts';
import { viewCopySize, type CopySize } from './view-copy-size.ts';

/** The copies of one image, by factor. */
class ViewCopies {
  private readonly byFactor = new Map<number, ImageBitmap>();
  private readonly pending = new Set<number>();
  private closed = false;

  constructor(readonly image: ImageBitmap) {}

  get(factor: number): ImageBitmap | undefined {
    return this.byFactor.get(factor);
  }

  /** Asks the worker for the copy unless it is there or on its way; `arrived` when it is. */
  request(size: CopySize, arrived: () => void): void {
    const { factor } = size;
    if (this.byFactor.has(factor) || this.pending.has(factor)) return;
    this.pending.add(factor);
    // The worker takes what it is sent: send it a clone, the stage keeps drawing the image.
    createImageBitmap(this.image)
      .then((clone) => imageTasks.scaledCopy(clone, size.width, size.height))
      .then(
        (copy) => {
          if (this.closed) return copy.close();
          this.byFactor.set(factor, copy);
          arrived();
        },
        // No copy (out of memory, worker gone): the image itself still draws correctly.
        () => undefined,
      )
      .finally(() => this.pending.delete(factor));
  }

  open(): void {
    this.closed = false;
  }

  close(): void {
    this.closed = true;
    for (const copy of this.byFactor.values()) copy.close();
    this.byFactor.clear();
  }
}

export function useViewCopy(image: ImageBitmap, scale: number): ImageBitmap {
  const copies = useMemo(() => new ViewCopies(image), [image]);
  const [, setArrived] = useState(0);
  const wanted = viewCopySize(image.width, image.height, scale, window.devicePixelRatio || 1);

  // The copies go with their image.
  useEffect(() => {
    copies.open();
    return () => copies.close();
  }, [copies]);

  const factor = wanted?.factor ?? 0;
  useEffect(() => {
    if (wanted) copies.request(wanted, () => setArrived((n) => n + 1));
    // `wanted` follows from the image and the factor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [copies, factor]);

  return (wanted && copies.get(factor)) || image;
}
