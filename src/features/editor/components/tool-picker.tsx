import { ToggleGroup, Tooltip } from 'radix-ui';
import {
  brushToolCommand,
  eraserToolCommand,
  lassoToolCommand,
  rectangleToolCommand,
  wandToolCommand,
} from '../commands/select-tool.ts';
import { useToolStore } from '../stores/tool-store.ts';
import type { ToolId } from '../tools/mask-tool.ts';
import { EditorIcon, type EditorIconName } from './editor-icon.tsx';

const TOOLS: {
  id: ToolId;
  icon: EditorIconName;
  label: string;
  shortcut: string | null;
  hint: string;
}[] = [
  {
    id: 'brush',
    icon: 'brush',
    label: 'Brush',
    shortcut: brushToolCommand.shortcut,
    hint: 'Paint the area to change',
  },
  {
    id: 'eraser',
    icon: 'eraser',
    label: 'Eraser',
    shortcut: eraserToolCommand.shortcut,
    hint: 'Take paint away',
  },
  {
    id: 'rectangle',
    icon: 'rectangle',
    label: 'Rectangle',
    shortcut: rectangleToolCommand.shortcut,
    hint: 'Drag a box to fill (Alt: clear)',
  },
  {
    id: 'lasso',
    icon: 'lasso',
    label: 'Lasso',
    shortcut: lassoToolCommand.shortcut,
    hint: 'Draw a loop to fill (Alt: clear)',
  },
  {
    id: 'wand',
    icon: 'wand',
    label: 'Magic wand',
    shortcut: wandToolCommand.shortcut,
    hint: 'Click to select similar colours (Shift: add, Alt: take away)',
  },
];

/** One tool at a time: brush, eraser, rectangle, lasso, magic wand. */
export function ToolPicker() {
  const tool = useToolStore((s) => s.tool);
  const setTool = useToolStore((s) => s.setTool);
  return (
    <ToggleGroup.Root
      type="single"
      className="editor-toolgroup"
      aria-label="Mask tool"
      value={tool}
      onValueChange={(value) => value && setTool(value as ToolId)}
    >
      {TOOLS.map((t) => (
        <Tooltip.Root key={t.id}>
          <Tooltip.Trigger asChild>
            <ToggleGroup.Item
              value={t.id}
              className="editor-tool"
              aria-label={t.label}
              aria-keyshortcuts={t.shortcut ?? undefined}
            >
              <EditorIcon name={t.icon} />
            </ToggleGroup.Item>
          </Tooltip.Trigger>
          <Tooltip.Portal>
            <Tooltip.Content className="editor-tooltip" sideOffset={6}>
              {t.label} — {t.hint}
              {t.shortcut ? <kbd>{t.shortcut}</kbd> : null}
            </Tooltip.Content>
          </Tooltip.Portal>
        </Tooltip.Root>
      ))}
    </ToggleGroup.Root>
  );
}
