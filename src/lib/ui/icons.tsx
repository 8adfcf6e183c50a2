/**
 * The few line icons the studio uses, drawn on a 20-unit grid with the current colour.
 * Decorative: the button carrying one always has its own accessible name.
 */
const PATHS = {
  download: 'M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 14.5V16h12v-1.5',
  expand: 'M12 3.5h4.5V8M8 16.5H3.5V12M16.5 3.5 11 9M3.5 16.5 9 11',
  edit: 'M12.5 4.5l3 3L8 15H5v-3l7.5-7.5Z',
  variations: 'M3.5 3.5h8v8h-8zM8.5 8.5h8v8h-8z',
  copy: 'M7 7h9v9H7zM4 13V4h9',
  close: 'M5 5l10 10M15 5 5 15',
  star: 'M10 2.8l2.2 4.6 5 .7-3.6 3.5.9 5L10 14.2l-4.5 2.4.9-5-3.6-3.5 5-.7z',
  swap: 'M4 7h12m0 0-3-3m3 3-3 3M16 13H4m0 0 3-3m-3 3 3 3',
  reuse: 'M4 10a6 6 0 0 1 10.5-4M16 10a6 6 0 0 1-10.5 4M14.5 3v3h-3M5.5 17v-3h3',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return <LineIcon path={PATHS[name]} size={size} grid={20} strokeWidth={1.6} />;
}

interface LineIconProps {
  /** SVG path data on a `grid`-unit square. */
  path: string;
  size: number;
  grid: number;
  strokeWidth: number;
}

/** One path stroked in the current colour: the shape of every icon set in the studio. */
export function LineIcon({ path, size, grid, strokeWidth }: LineIconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${grid} ${grid}`}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={path} />
    </svg>
  );
}
