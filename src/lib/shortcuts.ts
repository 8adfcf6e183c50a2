/**
 * The vocabulary of keyboard shortcuts shared by the features and the help panel ("?"):
 * each feature defines its keys once, with the label the panel shows, and its own key
 * handler reads the same definitions.
 */

/** The fields of a KeyboardEvent a shortcut looks at (a plain object in tests). */
export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** One line of the help panel: the keys as written ("Ctrl+Z", "Home / End") and what they do. */
export interface ShortcutHelp {
  keys: string;
  label: string;
}

/** One titled group of the help panel. */
export interface ShortcutSection {
  title: string;
  /** When the keys act, if not everywhere in the view ("With the mask canvas focused"). */
  context?: string;
  shortcuts: readonly ShortcutHelp[];
}

/** Ctrl on Windows and Linux, Cmd on macOS. */
export function isMod(event: KeyLike): boolean {
  return event.ctrlKey || event.metaKey;
}

/** A bare key: no Ctrl, Cmd or Alt (Shift allowed only where the key needs it). */
export function isPlain(event: KeyLike): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey;
}

/**
 * Whether a key press belongs to a text field (typing "?" in the prompt types a question
 * mark; Ctrl+Z there undoes text). Buttons, checkboxes, sliders and radios are not typing.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement)
    return !['range', 'checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
