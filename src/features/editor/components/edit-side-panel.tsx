import { ReferenceImages } from './reference-images.tsx';

/** The column beside the stage: what to send with the edit. */
export function EditSidePanel() {
  return (
    <aside className="editor__side" aria-label="Edit settings">
      <ReferenceImages />
    </aside>
  );
}
