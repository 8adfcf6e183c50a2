import { fitToScreenCommand, zoomInCommand, zoomOutCommand } from '../commands/view-commands.ts';
import { runCommand } from '../hooks/run-command.ts';
import { useStageViewStore } from '../stores/stage-view-store.ts';
import { ToolbarButton } from './toolbar-button.tsx';
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
      <ToolbarButton
        label="Zoom out"
        icon="zoomOut"
        shortcut={zoomOutCommand.shortcut}
        onClick={() => runCommand(zoomOutCommand)}
      />
      <output className="editor-zoom" aria-label="Zoom level">
        {Math.round(scale * 100)}%
      </output>
      <ToolbarButton
        label="Zoom in"
        icon="zoomIn"
        shortcut={zoomInCommand.shortcut}
        onClick={() => runCommand(zoomInCommand)}
      />
      <ToolbarButton
        label="Fit to screen"
        icon="fit"
        shortcut={fitToScreenCommand.shortcut}
        onClick={() => runCommand(fitToScreenCommand)}
      />
    </div>
  );
}
