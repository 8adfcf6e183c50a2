import { ToggleGroup } from 'radix-ui';
import { useToolStore, type ShapeMode } from '../stores/tool-store.ts';

const MODES: { mode: ShapeMode; label: string }[] = [
  { mode: 'fill', label: 'Fill' },
  { mode: 'clear', label: 'Clear' },
];

/**
 * The rectangle's and the lasso's mode, in the toolbar while one of them is the tool: fill
 * the shape or clear it. Alt clears for one shape, but a finger has no Alt to hold.
 */
export function ShapeOptions() {
  const shapeMode = useToolStore((s) => s.shapeMode);
  return (
    <ToggleGroup.Root
      type="single"
      className="segmented segmented--small"
      aria-label="Shape mode"
      value={shapeMode}
      onValueChange={(mode) => mode && useToolStore.getState().setShapeMode(mode as ShapeMode)}
    >
      {MODES.map(({ mode, label }) => (
        <ToggleGroup.Item key={mode} value={mode} className="segmented__item">
          {label}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
