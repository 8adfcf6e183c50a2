import { Switch } from 'radix-ui';
import { clearMaskCommand } from '../commands/clear-mask.ts';
import { invertMaskCommand } from '../commands/invert-mask.ts';
import { redoCommand } from '../commands/redo.ts';
import { undoCommand } from '../commands/undo.ts';
import { toggleMaskCommand } from '../commands/view-commands.ts';
import { useMaskVersion } from '../hooks/use-mask-version.ts';
import { hasTransparency, useSessionStore } from '../stores/session-store.ts';
import { useToolStore } from '../stores/tool-store.ts';
import { BRUSH_SIZE_MAX, BRUSH_SIZE_MIN } from '../tools/mask-tool.ts';
import { LabelledSlider } from './labelled-slider.tsx';
import { MaskColourPopover } from './mask-colour-popover.tsx';
import { MaskPreviewButton } from './mask-preview-button.tsx';
import { RefineMaskPopover } from './refine-mask-popover.tsx';
import { CommandButton, ToolbarButton } from './toolbar-button.tsx';
import { ToolPicker } from './tool-picker.tsx';
import { SelectPersonButton } from './select-person-button.tsx';
import { ShapeOptions } from './shape-options.tsx';
import { WandOptions } from './wand-options.tsx';
import './labelled-slider.css';
import './editor-toolbar.css';

/**
 * Tools, history, brush size and mask commands, above the stage. Each group stays whole when
 * a narrow toolbar wraps, so Undo never lands on another row than Redo. On a phone the
 * toolbar is one row that scrolls sideways (editor-toolbar.css): the tools and Undo come
 * first, so they are on screen without scrolling.
 */
export function EditorToolbar() {
  const mask = useSessionStore((s) => s.mask);
  // Its own transparency, or the transparent edges of padding (outpainting the padding).
  const hasAlpha = useSessionStore(hasTransparency);
  const prepared = useSessionStore((s) => s.prepared);
  useMaskVersion(mask);
  const brushSize = useToolStore((s) => s.brushSize);
  const setBrushSize = useToolStore((s) => s.setBrushSize);
  const hardness = useToolStore((s) => s.hardness);
  const setHardness = useToolStore((s) => s.setHardness);
  const maskOpacity = useToolStore((s) => s.maskOpacity);
  const setMaskOpacity = useToolStore((s) => s.setMaskOpacity);
  const maskVisible = useToolStore((s) => s.maskVisible);
  const setMaskVisible = useToolStore((s) => s.setMaskVisible);
  const tool = useToolStore((s) => s.tool);

  const useTransparency = () => {
    if (!mask || !prepared) return;
    mask.fromImageTransparency(prepared.bitmap);
    useToolStore.getState().announce('The image’s transparent areas are now the mask');
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Mask tools">
      <ToolPicker />
      <div className="editor-toolbar__group editor-toolbar__group--buttons">
        <CommandButton command={undoCommand} icon="undo" disabled={!mask?.history.canUndo} />
        <CommandButton command={redoCommand} icon="redo" disabled={!mask?.history.canRedo} />
        <CommandButton command={clearMaskCommand} icon="clear" />
        <CommandButton command={invertMaskCommand} icon="invert" />
        <ToolbarButton
          label="Use image transparency"
          icon="transparency"
          disabled={!hasAlpha}
          onClick={useTransparency}
        />
        <SelectPersonButton disabled={!mask || !prepared} />
      </div>
      {tool === 'wand' ? (
        <div className="editor-toolbar__group">
          <WandOptions />
        </div>
      ) : (
        <LabelledSlider
          label="Brush size"
          className="editor-slider--brush"
          value={brushSize}
          min={BRUSH_SIZE_MIN}
          max={BRUSH_SIZE_MAX}
          format={(v) => `${v} px`}
          onChange={setBrushSize}
        />
      )}
      {tool === 'rectangle' || tool === 'lasso' ? (
        <div className="editor-toolbar__group">
          <ShapeOptions />
        </div>
      ) : null}
      {tool === 'brush' || tool === 'eraser' ? (
        <LabelledSlider
          label="Hardness"
          className="editor-slider--hardness"
          value={Math.round(hardness * 100)}
          min={10}
          max={100}
          format={(v) => `${v} %`}
          onChange={(v) => setHardness(v / 100)}
        />
      ) : null}
      <div className="editor-toolbar__group">
        <LabelledSlider
          label="Mask opacity"
          className="editor-slider--opacity"
          value={Math.round(maskOpacity * 100)}
          min={10}
          max={100}
          format={(v) => `${v} %`}
          onChange={(v) => setMaskOpacity(v / 100)}
        />
        <MaskColourPopover />
        <label className="editor-switch">
          <Switch.Root
            className="editor-switch__root"
            checked={maskVisible}
            onCheckedChange={setMaskVisible}
            aria-keyshortcuts={toggleMaskCommand.shortcut ?? undefined}
          >
            <Switch.Thumb className="editor-switch__thumb" />
          </Switch.Root>
          Show mask
        </label>
        <RefineMaskPopover />
        <MaskPreviewButton />
      </div>
    </div>
  );
}
