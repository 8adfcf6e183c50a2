import { describe, expect, it } from 'vitest';
import { commandForKey } from './editor-commands.ts';
import { stepBrushSize } from './brush-size.ts';
import type { CommandContext } from './editor-command.ts';
import type { KeyLike } from '../../../lib/shortcuts.ts';
import { MaskModel } from '../mask/mask-model.ts';
import { nodeCanvas } from '../testing/node-canvas.test-support.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it.each([
    [key('z', { ctrlKey: true }), 'undo'],
    [key('z', { metaKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('i', { ctrlKey: true }), 'invert-mask'],
    [key('Delete'), 'clear-mask'],
    [key(']'), 'grow-brush'],
    [key('['), 'shrink-brush'],
    [key('b'), 'tool-brush'],
    [key('e'), 'tool-eraser'],
    [key('r'), 'tool-rectangle'],
    [key('l'), 'tool-lasso'],
    [key('h'), 'toggle-mask'],
    [key('!', { shiftKey: true, code: 'Digit1' }), 'fit-to-screen'],
    [key('+', { shiftKey: true }), 'zoom-in'],
    [key('-'), 'zoom-out'],
  ])('%o runs %s', (event, id) => {
    expect(commandForKey(event)?.id).toBe(id);
  });

  it.each([key('z'), key('r', { ctrlKey: true }), key('Delete', { shiftKey: true }), key('y')])(
    'leaves %o to the browser',
    (event) => {
      expect(commandForKey(event)).toBeUndefined();
    },
  );
});

describe('commands', () => {
  const context = (mask: MaskModel | null): CommandContext => ({
    mask,
    tool: 'brush',
    brushSize: 40,
    maskVisible: true,
  });

  it('brush size steps stay within 1..512 and always move', () => {
    expect(stepBrushSize(1, 1)).toBe(2);
    expect(stepBrushSize(2, -1)).toBe(1);
    expect(stepBrushSize(1, -1)).toBe(1);
    expect(stepBrushSize(40, 1)).toBe(46);
    expect(stepBrushSize(500, 1)).toBe(512);
    expect(commandForKey(key(']'))?.perform(context(null))).toEqual({ brushSize: 46 });
  });

  it('undo and redo report what they did, and say when there is nothing', () => {
    const mask = new MaskModel(20, 20, nodeCanvas);
    const undo = commandForKey(key('z', { ctrlKey: true }))!;
    const redo = commandForKey(key('y', { ctrlKey: true }))!;
    expect(undo.perform(context(mask))).toEqual({ announce: 'Nothing to undo' });
    mask.fillRect({ x: 0, y: 0, width: 5, height: 5 }, 'paint');
    expect(undo.perform(context(mask))).toEqual({ announce: 'Undid rectangle' });
    expect(redo.perform(context(mask))).toEqual({ announce: 'Redid rectangle' });
  });

  it('the mask toggle flips visibility', () => {
    expect(commandForKey(key('h'))?.perform(context(null))).toMatchObject({ maskVisible: false });
  });
});
