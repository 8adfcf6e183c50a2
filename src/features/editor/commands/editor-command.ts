/**
 * Editor commands, one per file in the Excalidraw way: a name, the shortcut beside it
 * (`keyTest`, pure), and `perform`. UI state changes are returned as an effect (pure, the
 * caller applies them); mask changes go through the mask model, which records its own undo.
 */
import type { MaskModel } from '../mask/mask-model.ts';
import type { ToolId } from '../tools/mask-tool.ts';
import type { KeyLike } from '../../../lib/shortcuts.ts';

export interface CommandContext {
  mask: MaskModel | null;
  tool: ToolId;
  brushSize: number;
  maskVisible: boolean;
}

export type ViewRequest = 'fit' | 'zoom-in' | 'zoom-out';

export interface CommandEffect {
  tool?: ToolId;
  brushSize?: number;
  maskVisible?: boolean;
  view?: ViewRequest;
  /** A short sentence for the status line ("Undid brush stroke"). */
  announce?: string;
}

export interface EditorCommand {
  id: string;
  label: string;
  /** How the shortcut reads in a tooltip, or null when there is none. */
  shortcut: string | null;
  keyTest: (event: KeyLike) => boolean;
  perform: (ctx: CommandContext) => CommandEffect | void;
}
