import { growBrushCommand, shrinkBrushCommand } from './brush-size.ts';
import { clearMaskCommand } from './clear-mask.ts';
import type { EditorCommand } from './editor-command.ts';
import type { KeyLike } from '../../../lib/shortcuts.ts';
import { invertMaskCommand } from './invert-mask.ts';
import { redoCommand } from './redo.ts';
import {
  brushToolCommand,
  eraserToolCommand,
  lassoToolCommand,
  rectangleToolCommand,
  wandToolCommand,
} from './select-tool.ts';
import { undoCommand } from './undo.ts';
import {
  fitToScreenCommand,
  toggleMaskCommand,
  zoomInCommand,
  zoomOutCommand,
} from './view-commands.ts';

/** Every command with a shortcut, in the order keys are tested. */
export const EDITOR_COMMANDS: readonly EditorCommand[] = [
  undoCommand,
  redoCommand,
  invertMaskCommand,
  clearMaskCommand,
  growBrushCommand,
  shrinkBrushCommand,
  brushToolCommand,
  eraserToolCommand,
  rectangleToolCommand,
  lassoToolCommand,
  wandToolCommand,
  toggleMaskCommand,
  fitToScreenCommand,
  zoomInCommand,
  zoomOutCommand,
];

export function commandForKey(event: KeyLike): EditorCommand | undefined {
  return EDITOR_COMMANDS.find((command) => command.keyTest(event));
}
