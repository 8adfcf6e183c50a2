import { lazyView } from '../../lib/lazy-view.tsx';
import { loadWithQueries } from '../../lib/lazy-with-queries.tsx';

// Konva and the editor's flows load when the Edit view first shows, not with the studio;
// with the query client, which asks the gallery whether a result was deleted there.
const EditorWorkspace = lazyView(
  () => loadWithQueries(() => import('./components/editor-workspace.tsx').then((m) => m.default)),
  <section className="workspace" aria-labelledby="edit-title" aria-busy="true">
    <h2 id="edit-title">Edit</h2>
    <p role="status">Loading the editor…</p>
  </section>,
);

/** The edit workspace: bring an image in, paint the region to change, apply the edit. */
export function EditView() {
  return <EditorWorkspace />;
}
