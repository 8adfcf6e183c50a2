/**
 * Every section of the keyboard shortcuts panel, from the features' own definitions (the
 * same objects their key handlers use), in the order of the workspaces.
 */
import type { ShortcutSection } from '../../lib/shortcuts.ts';
import { EDITOR_SHORTCUTS } from '../../features/editor/editor-shortcuts.ts';
import { GALLERY_SHORTCUTS } from '../../features/gallery/grid-navigation.ts';
import { PROMPT_SHORTCUTS } from '../../features/prompt/prompt-shortcuts.ts';
import { VIEWER_SHORTCUTS } from '../../features/viewer/viewer-keys.ts';
import { APP_SHORTCUTS } from './app-shortcuts.ts';

export const SHORTCUT_SECTIONS: readonly ShortcutSection[] = [
  APP_SHORTCUTS,
  PROMPT_SHORTCUTS,
  ...EDITOR_SHORTCUTS,
  ...GALLERY_SHORTCUTS,
  VIEWER_SHORTCUTS,
];
