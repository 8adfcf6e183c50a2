import { fitToScreenCommand, zoomInCommand, zoomOutCommand } from '../commands/view-commands.ts';
import { runCommand } from '../hooks/run-command.ts';
import { useStageViewStore } from '../stores/stage-view-store.ts';
import { ToolbarButton } from './toolbar-button.tsx';

/** Zoom out, the zoom level, zoom in and fit: floating over the stage's corner. */
export function ZoomControls() {
  const scale = useStageViewStore((s) => s.view.scale);
  return (
    <div className="editor-zoombar" role="group" aria-label="Zoom">
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
