import { useKeyboardPenStore } from '../stores/keyboard-pen-store.ts';
import { useToolStore } from '../stores/tool-store.ts';
import { KEYBOARD_PEN_KEYS } from '../tools/keyboard-pen.ts';
import './keyboard-pen-hint.css';

export const KEYBOARD_PEN_HELP_ID = 'keyboard-pen-help';

const TOOL_LABELS = {
  brush: 'Brush',
  eraser: 'Eraser',
  rectangle: 'Rectangle',
  lasso: 'Lasso',
  wand: 'Magic wand',
};

/**
 * Over the canvas while the keyboard drives it: the keys, the tool and where the crosshair
 * is. The sentence describing the keys is always there for assistive technology (the
 * stage's aria-describedby), shown or not.
 */
export function KeyboardPenHint() {
  const active = useKeyboardPenStore((s) => s.active);
  const cursor = useKeyboardPenStore((s) => s.cursor);
  const down = useKeyboardPenStore((s) => s.down);
  const tool = TOOL_LABELS[useToolStore((s) => s.tool)];
  return (
    <>
      <p id={KEYBOARD_PEN_HELP_ID} className="visually-hidden">
        Paint with the keyboard: the arrow keys move a crosshair, Enter puts the {tool} down and
        lifts it, Escape cancels.
      </p>
      {active ? (
        <div className="editor-pen-hint" aria-hidden="true">
          <p className="editor-pen-hint__head">
            <span className="editor-pen-hint__title">Painting with the keyboard</span>
            <span className="editor-pen-hint__state">
              {tool} {down ? 'down' : 'up'}
              {cursor ? ` · x ${Math.round(cursor.x)}, y ${Math.round(cursor.y)}` : ''}
            </span>
          </p>
          <ul className="editor-pen-hint__keys">
            {KEYBOARD_PEN_KEYS.map((k) => (
              <li key={k.keys}>
                <kbd>{k.keys}</kbd> {k.short}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
