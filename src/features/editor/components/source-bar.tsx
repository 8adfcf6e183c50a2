import { rulesFor } from '../../../api/model-lookup.ts';
import { useEditModel } from '../edit/edit-model.ts';
import { useEditResultsStore } from '../edit/edit-results-store.ts';
import { editorSource } from '../intake/editor-source.ts';
import { needsSquarePicture } from '../intake/square-rule.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { OpenImageButton } from './open-image-button.tsx';
import './source-bar.css';

/** Which image is open, what was done to it on the way in, and a way to open another. */
export function SourceBar() {
  const source = useSessionStore((s) => s.source);
  const prepared = useSessionStore((s) => s.prepared);
  const notes = useSessionStore((s) => s.notes);
  const status = useSessionStore((s) => s.status);
  const squareChoice = useSessionStore((s) => s.squareChoice);
  const model = useEditModel();
  const extending = useEditResultsStore((s) => s.mode === 'extend');
  const needsSquare =
    needsSquarePicture(rulesFor(model, 'edit'), extending) && prepared?.square === false;
  return (
    <div className="editor-source">
      <div className="editor-source__title">
        <h2 id="edit-title">Edit</h2>
        {source && prepared && (
          <span className="editor-source__name" title={source.name}>
            {source.name} · {prepared.geometry.width}×{prepared.geometry.height}
          </span>
        )}
        {(status === 'opening' || status === 'preparing') && (
          <span role="status" className="editor-source__busy">
            {status === 'opening' ? 'Opening…' : 'Preparing the upload…'}
          </span>
        )}
        <span className="editor-source__actions">
          {prepared?.square && squareChoice && (
            <button
              type="button"
              className="button button--ghost"
              onClick={() => editorSource.reopenSquareStep()}
            >
              Change crop
            </button>
          )}
          {needsSquare && status === 'ready' && (
            <button
              type="button"
              className="button"
              onClick={() => editorSource.reopenSquareStep()}
            >
              Make square…
            </button>
          )}
          {source && <OpenImageButton label="Open another image…" />}
        </span>
      </div>
      {notes.length > 0 && (
        <ul className="editor-source__notes" aria-label="What Easel did to the image">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
