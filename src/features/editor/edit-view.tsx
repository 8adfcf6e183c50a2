import { lazy, Suspense } from 'react';

// Konva and the editor's flows load when the Edit view first shows, not with the studio.
const EditorWorkspace = lazy(() => import('./components/editor-workspace.tsx'));

/** The edit workspace: bring an image in, paint the region to change, apply the edit. */
export function EditView() {
  return (
    <Suspense
      fallback={
        <section className="workspace" aria-labelledby="edit-title" aria-busy="true">
          <h2 id="edit-title">Edit</h2>
          <p role="status">Loading the editor…</p>
        </section>
      }
    >
      <EditorWorkspace />
    </Suspense>
  );
}
