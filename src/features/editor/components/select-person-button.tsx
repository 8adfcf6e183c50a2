import { selectionMode } from '../selection/apply-selection.ts';
import { selectPersonNow } from '../selection/editor-selection.ts';
import { useSelectionStore } from '../selection/selection-store.ts';
import { ToolbarButton } from './toolbar-button.tsx';

/** Select person: the person in the picture becomes the mask (Shift adds, Alt takes away). */
export function SelectPersonButton({ disabled }: { disabled: boolean }) {
  const working = useSelectionStore((s) => s.working === 'person');
  return (
    <ToolbarButton
      label="Select person"
      icon="person"
      hint="The person in the picture becomes the mask (Shift: add, Alt: take away)"
      disabled={disabled || working}
      onClick={(event) => void selectPersonNow(selectionMode(event))}
    />
  );
}
