import { LineIcon } from '../../../lib/ui/icons.tsx';

/** The editor's line icons (24 px grid, currentColor), drawn for this toolbar. */
const PATHS = {
  brush:
    'M18.4 3.6a2 2 0 0 1 2.8 2.8L11 16.6 7.4 13zM6.5 14.5l3 3c-.5 2.3-2.4 3.5-5.5 3 .8-1 .6-2 .8-3.3.2-1.5.8-2.5 1.7-2.7z',
  eraser:
    'M15.6 4.4l4 4a1.5 1.5 0 0 1 0 2.1L11 19H6.5l-2.6-2.6a1.5 1.5 0 0 1 0-2.1l9.6-9.9a1.5 1.5 0 0 1 2.1 0zM9 10.5l5 5M11 19h9',
  rectangle: 'M4 6h16v12H4z',
  lasso:
    'M12 5c5 0 8 2.2 8 5s-3.6 5-8 5-8-2.2-8-5 3-5 8-5zM7.5 14.2c-1 1.2-1 2.6 0 3.6 1.2 1.1 1 2.5-.5 3.2',
  undo: 'M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
  clear: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  invert: 'M12 3a9 9 0 1 0 0 18zM12 3a9 9 0 0 1 0 18',
  zoomIn: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM20 20l-4-4M11 8v6M8 11h6',
  zoomOut: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM20 20l-4-4M8 11h6',
  fit: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  eye: 'M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  transparency: 'M4 4h16v16H4zM4 12h8V4M12 12h8v8h-8z',
  preview: 'M4 5h16v14H4zM4 15l5-5 4 4 3-3 4 4',
  upload: 'M12 16V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3',
  close: 'M6 6l12 12M18 6 6 18',
  // A dashed outline around a solid one: the painted area made larger or smaller.
  refine: 'M8 8h8v8H8zM4 7V4h3M11 4h2M17 4h3v3M20 11v2M20 17v3h-3M13 20h-2M7 20H4v-3M4 13v-2',
  keyboard: 'M3 6h18v12H3zM7 10h.01M10.5 10h.01M14 10h.01M17.5 10h.01M8 14h8',
  wand: 'M4 20 15 9M17.5 3v5M15 5.5h5M10.5 4v2.5M9.2 5.2h2.6M19 12v2.5M17.7 13.2h2.6',
  person:
    'M12 3.5a3.75 3.75 0 1 0 0 7.5 3.75 3.75 0 0 0 0-7.5zM4.5 20.5c0-4.1 3.4-7 7.5-7s7.5 2.9 7.5 7',
} as const;

export type EditorIconName = keyof typeof PATHS;

export function EditorIcon({ name, size = 18 }: { name: EditorIconName; size?: number }) {
  return <LineIcon path={PATHS[name]} size={size} grid={24} strokeWidth={1.8} />;
}
