import { getModel } from '../../../api/model-lookup.ts';
import { addReferences, referenceSlots, removeReference } from '../intake/reference-flow.ts';
import { useEditModel } from '../edit/edit-model.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { useRef } from 'react';
import { useBlobSrc } from '../hooks/use-blob-src.ts';
import type { ReferenceImage } from '../stores/session-store.ts';
import { EditorIcon } from './editor-icon.tsx';
import './reference-images.css';

function ReferenceThumb({ reference }: { reference: ReferenceImage }) {
  const image = useRef<HTMLImageElement>(null);
  useBlobSrc(image, reference.blob);
  return (
    <li className="reference">
      <img ref={image} alt="" />
      <span className="reference__name" title={reference.name}>
        {reference.name}
      </span>
      <button
        type="button"
        className="reference__remove"
        aria-label={`Remove reference ${reference.name}`}
        onClick={() => removeReference(reference.id)}
      >
        <EditorIcon name="close" size={14} />
      </button>
    </li>
  );
}

/** Extra images a GPT image model looks at beside the one being edited (`image[]`). */
export function ReferenceImages() {
  const model = useEditModel();
  const references = useSessionStore((s) => s.references);
  const error = useSessionStore((s) => s.referenceError);
  const slots = referenceSlots(model);
  const label = getModel(model).label;
  if (slots === 0) {
    return references.length > 0 ? (
      <p className="references__note">
        {label} takes one image: your {references.length} reference image
        {references.length === 1 ? ' is' : 's are'} kept for GPT image models but not sent.
      </p>
    ) : null;
  }
  return (
    <section className="references" aria-labelledby="references-title">
      <div className="references__head">
        <h3 id="references-title">Reference images</h3>
        <span className="references__count">
          {references.length} of {slots}
        </span>
      </div>
      {references.length > 0 && (
        <ul className="references__list">
          {references.map((r) => (
            <ReferenceThumb key={r.id} reference={r} />
          ))}
        </ul>
      )}
      <label
        className={`button button--ghost references__add ${references.length >= slots ? 'is-disabled' : ''}`}
      >
        Add reference images…
        <input
          type="file"
          accept="image/*"
          multiple
          className="visually-hidden"
          disabled={references.length >= slots}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            void addReferences(files);
          }}
        />
      </label>
      {error && (
        <p role="alert" className="editor-error">
          {error}
        </p>
      )}
    </section>
  );
}
