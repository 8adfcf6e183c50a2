/** ImageBitmaps in a worker call's arguments or result are moved, not copied, across the boundary. */
export function transferablesOf(value: unknown): Transferable[] {
  // Where there are no ImageBitmaps (Node, in tests) there is nothing to move.
  if (typeof ImageBitmap === 'undefined') return [];
  if (value instanceof ImageBitmap) return [value];
  // A typed array is never walked (a 4K mask has millions of entries); a worker moves its
  // buffer with Comlink's transfer() itself where that matters.
  if (
    value &&
    typeof value === 'object' &&
    !(value instanceof Blob) &&
    !ArrayBuffer.isView(value)
  ) {
    return Object.values(value).filter((v): v is ImageBitmap => v instanceof ImageBitmap);
  }
  return [];
}
