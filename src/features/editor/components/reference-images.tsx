import { getModel } from '../../../api/model-lookup.ts';
import { addReferences, referenceSlots, removeReference } from '../intake/reference-flow.ts';
import { useEditModel } from '../edit/edit-model.ts';
import { useSessionStore } from '../stores/session-store.ts';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { carriesEntry, droppedEntry } from '../../gallery-store/entry-drag.ts';
import { addGalleryReference } from '../gallery/open-gallery-entry.ts';
import { useBlobSrc } from '../../../lib/use-blob-src.ts';
import type { ReferenceImage } from '../stores/session-store.ts';
import { EditorIcon } from './editor-icon.tsx';
import '../../../lib/ui/thumb-grid.css';
import './reference-images.css';

function ReferenceThumb({ reference }: { reference: ReferenceImage }) {
  const image = useBlobSrc(reference.blob);
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
        onClick={(e) => {
          // The button leaves with its reference: with the focus on it, the focus goes to the
          // next reference's Remove, else the one before, else Add reference images….
          const focused = document.activeElement === e.currentTarget;
          const item = e.currentTarget.closest('li');
          const section = item?.closest('section');
          const heir = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector(
            'button',
          );
          flushSync(() => removeReference(reference.id));
          if (focused) (heir ?? section?.querySelector('input[type="file"]'))?.focus();
        }}
      >
        <EditorIcon name="close" size={14} />
      </button>
    </li>
  );
}

const imageFiles = (data: DataTransfer | null) =>
  Array.from(data?.files ?? []).filter((f) => f.type === '' || f.type.startsWith('image/'));

/**
 * Images dropped here — files, or images dragged from the gallery — become references, not
 * the image to edit. Native listeners: they run before the workspace's own (which would open
 * the drop as the image to edit) and keep the drop from reaching it.
 */
function useReferenceDrop() {
  const zone = useRef<HTMLElement>(null);
  const [over, setOver] = useState(false);
  useEffect(() => {
    const el = zone.current;
    if (!el) return;
    const wanted = (e: DragEvent) =>
      carriesEntry(e.dataTransfer) || Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onOver = (e: DragEvent) => {
      if (!wanted(e)) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!el.contains(e.relatedTarget as Node | null)) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      setOver(false);
      if (!wanted(e)) return;
      e.preventDefault();
      e.stopPropagation();
      const entry = droppedEntry(e.dataTransfer);
      if (entry) void addGalleryReference(entry);
      else void addReferences(imageFiles(e.dataTransfer));
    };
    el.addEventListener('dragover', onOver);
    el.addEventListener('dragleave', onLeave);
    el.addEventListener('drop', onDrop);
    return () => {
      el.removeEventListener('dragover', onOver);
      el.removeEventListener('dragleave', onLeave);
      el.removeEventListener('drop', onDrop);
    };
  });
  return { zone, over };
}

/** Extra images a GPT image model looks at beside the one being edited (`image[]`). */
export function ReferenceImages() {
  const { zone, over } = useReferenceDrop();
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
    <section
      ref={zone}
      className="references"
      data-drop-over={over || undefined}
      aria-labelledby="references-title"
    >
      <div className="references__head">
        <h3 id="references-title">Reference images</h3>
        <span className="references__count">
          {references.length} of {slots}
        </span>
      </div>
      {references.length > 0 && (
        <ul className="thumb-grid references__list">
          {references.map((r) => (
            <ReferenceThumb key={r.id} reference={r} />
          ))}
        </ul>
      )}
      <label
        className={`button button--ghost references__add ${references.length >= slots ? 'is-disabled' : ''}`}
      >
        {over ? 'Drop to add as a reference' : 'Add reference images…'}
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
