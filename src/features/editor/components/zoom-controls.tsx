import { fitToScreenCommand, zoomInCommand, zoomOutCommand } from '../commands/view-commands.ts';
import { useStageViewStore } from '../stores/stage-view-store.ts';
import { CommandButton, ToolbarButton } from './toolbar-button.tsx';
import { startKeyboardPen } from '../stores/keyboard-pen-store.ts';

/**
 * Keyboard painting, zoom out, the zoom level, zoom in and fit: floating over the stage's
 * corner (keyboard painting sits with the view controls to keep the toolbar to one row).
 */
export function ZoomControls() {
  const scale = useStageViewStore((s) => s.view.scale);
  return (
    <div className="editor-zoombar" role="group" aria-label="View">
      <ToolbarButton
        label="Paint with the keyboard"
        icon="keyboard"
        onClick={startKeyboardPen}
        hint="arrow keys move a crosshair, Enter puts the tool down and lifts it"
      />
      <span className="editor-toolbar__divider" />
      <CommandButton command={zoomOutCommand} icon="zoomOut" />
      <output className="editor-zoom" aria-label="Zoom level">
        {Math.round(scale * 100)}%
      </output>
      <CommandButton command={zoomInCommand} icon="zoomIn" />
      <CommandButton command={fitToScreenCommand} icon="fit" />
    </div>
  );
}
