/**
 * Where focus goes in the gallery grid for a navigation key (the ARIA grid pattern):
 * arrows move by one tile or one row, Home/End to the row's ends (with Ctrl: the first and
 * last image), PageUp/PageDown by a screenful of rows. Returns null for other keys.
 */
export interface GridShape {
  count: number;
  columns: number;
  /** Rows that fit in the viewport, for PageUp/PageDown. */
  pageRows: number;
}

export function nextGridIndex(
  key: string,
  index: number,
  { count, columns, pageRows }: GridShape,
  ctrl = false,
): number | null {
  if (count === 0) return null;
  const last = count - 1;
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  const rowStart = index - (index % columns);
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      // From the last full row into a shorter final row, land on its last tile.
      return index + columns <= last ? index + columns : rowStart + columns <= last ? last : index;
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'Home':
      return ctrl ? 0 : rowStart;
    case 'End':
      return ctrl ? last : Math.min(last, rowStart + columns - 1);
    case 'PageDown':
      return clamp(index + columns * Math.max(1, pageRows));
    case 'PageUp':
      return clamp(index - columns * Math.max(1, pageRows));
    default:
      return null;
  }
}
