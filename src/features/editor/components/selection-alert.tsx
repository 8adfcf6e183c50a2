import { useSelectionStore } from '../selection/selection-store.ts';
import './selection.css';

/** Over the stage: Select person at work, or why the last selection could not be made. */
export function SelectionAlert() {
  const error = useSelectionStore((s) => s.error);
  const findingPerson = useSelectionStore((s) => s.working === 'person');
  if (findingPerson) {
    return (
      <p role="status" className="selection-alert selection-alert--busy">
        Finding the person…
      </p>
    );
  }
  if (!error) return null;
  return (
    <div role="alert" className="selection-alert editor-error editor-error--banner">
      <span>{error}</span>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => useSelectionStore.setState({ error: null })}
      >
        Dismiss
      </button>
    </div>
  );
}
