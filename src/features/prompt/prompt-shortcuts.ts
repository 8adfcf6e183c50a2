import { isMod, type KeyLike, type ShortcutSection } from '../../lib/shortcuts.ts';

/** Ctrl+Enter (⌘+Enter on a Mac) in the prompt sends it: Generate, or Apply edit in the editor. */
export const sendPromptShortcut = {
  keys: 'Ctrl+Enter',
  label: 'Send the prompt: Generate, or Apply edit in the Edit view (⌘+Enter on a Mac)',
  matches: (e: KeyLike) => e.key === 'Enter' && isMod(e),
};

export const PROMPT_SHORTCUTS: ShortcutSection = {
  title: 'Prompt',
  context: 'Anywhere in the Generate and Edit views',
  shortcuts: [sendPromptShortcut],
};
