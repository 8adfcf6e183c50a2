/**
 * The stage's pointer gestures (input/stage-input.ts), as the keyboard shortcuts panel lists
 * them. Apart from the machine, so the panel's lazy chunk does not carry the editor's input
 * code and its tools (the wand's among them).
 */
export const STAGE_GESTURES = [
  { keys: 'Space+drag', label: 'Pan (or drag with the middle button)' },
  { keys: 'Wheel', label: 'Zoom about the pointer (pinch on a touch screen)' },
  { keys: 'Ctrl+wheel', label: 'Brush size' },
  { keys: 'Alt+drag', label: 'Rectangle or lasso that clears instead of fills' },
  { keys: 'Shift+click, Alt+click', label: 'Magic wand: add to the mask, take away from it' },
] as const;
