/**
 * The editor's shortcuts for the help panel, read from the definitions its handlers use:
 * the commands (each carries its shortcut), the keyboard pen, the crop step's keys and the
 * stage's pointer gestures.
 */
import type { ShortcutSection } from '../../lib/shortcuts.ts';
import { CROP_KEYS } from './commands/crop-keys.ts';
import { EDITOR_COMMANDS } from './commands/editor-commands.ts';
import { STAGE_GESTURES } from './input/stage-gestures.ts';
import { KEYBOARD_PEN_KEYS } from './tools/keyboard-pen.ts';

export const EDITOR_SHORTCUTS: readonly ShortcutSection[] = [
  {
    title: 'Edit: tools, mask and view',
    context: 'While an image is open, outside text fields',
    shortcuts: EDITOR_COMMANDS.flatMap((c) =>
      c.shortcut ? [{ keys: c.shortcut, label: c.label }] : [],
    ),
  },
  {
    title: 'Edit: painting with the keyboard',
    context: 'With the mask canvas focused (Tab to it, or “Paint with the keyboard”)',
    shortcuts: KEYBOARD_PEN_KEYS.map(({ keys, label }) => ({ keys, label })),
  },
  {
    title: 'Edit: making an image square',
    context: 'In the crop step, with the square to keep focused',
    shortcuts: CROP_KEYS,
  },
  {
    title: 'Edit: with a mouse, pen or touch',
    shortcuts: STAGE_GESTURES,
  },
];
