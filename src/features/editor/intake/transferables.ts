/** ImageBitmaps in a task's arguments or result are moved, not copied, across the worker boundary. */
export function transferablesOf(value: unknown): Transferable[] {
  if (value instanceof ImageBitmap) return [value];
  if (value && typeof value === 'object' && !(value instanceof Blob)) {
    return Object.values(value).filter((v): v is ImageBitmap => v instanceof ImageBitmap);
  }
  return [];
}
