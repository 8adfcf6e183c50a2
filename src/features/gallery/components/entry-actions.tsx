import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useViewStore } from '../../../lib/studio-view.ts';
import { openInEditor } from '../../editor/open-in-editor.ts';
import { applySettings } from '../../prompt/apply-settings.ts';
import { useLikeThisMode } from '../../jobs/use-like-this-mode.ts';
import { entryFileName } from '../../gallery-store/entry-file.ts';
import {
  downloadEntry,
  editEntry,
  likeThisEntry,
  likeThisHint,
  reporting,
} from '../entries/entry-commands.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { lineageQuery } from '../../gallery-store/gallery-queries.ts';
import { useDeleteEntries, useSetFavourite } from '../hooks/use-gallery-actions.ts';
import { readImage, readMask } from '../../gallery-store/gallery-reads.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';

/** What can be done with one image from its detail view. */
export function EntryActions({ entry }: { entry: GalleryEntry }) {
  const setFavourite = useSetFavourite();
  const deleteEntries = useDeleteEntries();
  const openEntry = useGalleryUi((s) => s.openEntry);
  const compareOriginal = useGalleryUi((s) => s.compareOriginal);
  const { data: lineage } = useQuery(lineageQuery(entry.id));
  const [copied, setCopied] = useState(false);
  const favourite = entry.favourite === 1;
  const parent = lineage?.parent;
  const likeThis = useLikeThisMode();

  const download = downloadEntry(entry);
  const copyPrompt = reporting('Copying the prompt', async () => {
    await navigator.clipboard.writeText(entry.prompt);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  });
  const edit = editEntry(entry);
  // Loads prompt and settings into the panel of the operation that made the image.
  const reuseSettings = () => {
    const operation = entry.kind === 'edit' ? 'edit' : 'generate';
    applySettings(operation, entry.params);
    openEntry(null);
    useViewStore.getState().showView(operation);
  };
  const makeVariations = likeThisEntry(entry, likeThis);
  const reEditParent = reporting('Opening the editor', async () => {
    if (!parent || !entry.maskId) return;
    const [image, mask] = await Promise.all([readImage(parent.id), readMask(entry.maskId)]);
    openEntry(null);
    const opened = await openInEditor({
      image,
      name: entryFileName(parent),
      parentId: parent.id,
      ...(mask ? { mask } : {}),
    });
    // Trying again means the same request: its prompt and settings come with the mask. Only
    // once the image is open: "Keep editing" leaves the draft as it was.
    if (opened) applySettings('edit', entry.params);
  });

  return (
    <div className="entry-detail__actions" role="group" aria-label="Image actions">
      {!entry.remote && (
        <button type="button" className="button button--primary" onClick={edit}>
          Edit
        </button>
      )}
      {parent && !parent.remote && entry.maskId && (
        <button
          type="button"
          className="button"
          onClick={reEditParent}
          title="Open the image this edit was made from, with the same mask, to try again"
        >
          Re-edit the original
        </button>
      )}
      {parent && (
        <button
          type="button"
          className="button"
          onClick={() => {
            openEntry(null);
            compareOriginal(entry.id);
          }}
          title="Before and after: this image against the one it was made from"
        >
          Compare with original
        </button>
      )}
      {entry.kind !== 'variation' && entry.kind !== 'upload' && (
        <button type="button" className="button" onClick={reuseSettings}>
          Reuse settings
        </button>
      )}
      {!entry.remote && likeThis && (
        <button
          type="button"
          className="button"
          onClick={makeVariations}
          title={likeThisHint(likeThis)}
        >
          {likeThis.label}
        </button>
      )}
      {!entry.remote && (
        <button type="button" className="button" onClick={download}>
          Download
        </button>
      )}
      {entry.prompt && (
        <button type="button" className="button" onClick={copyPrompt}>
          {copied ? 'Prompt copied' : 'Copy prompt'}
        </button>
      )}
      <button
        type="button"
        className="button"
        aria-pressed={favourite}
        onClick={() => setFavourite.mutate({ ids: [entry.id], favourite: !favourite })}
      >
        <span aria-hidden="true">{favourite ? '★' : '☆'}</span> Favourite
      </button>
      <button
        type="button"
        className="button button--danger"
        onClick={() => deleteEntries.mutate([entry.id])}
      >
        Delete
      </button>
    </div>
  );
}
