import { useState } from 'react';
import { downloadBlob, entryFileName } from '../download-blob.ts';
import type { GalleryEntry } from '../gallery-entry.ts';
import { useDeleteEntries, useSetFavourite } from '../hooks/use-gallery-actions.ts';
import { readImage } from '../store/gallery-reads.ts';
import { useArchiveStore } from '../stores/archive-store.ts';

/** What can be done with one image from its detail view. */
export function EntryActions({ entry }: { entry: GalleryEntry }) {
  const setFavourite = useSetFavourite();
  const deleteEntries = useDeleteEntries();
  const reportFailure = useArchiveStore((s) => s.reportFailure);
  const [copied, setCopied] = useState(false);
  const favourite = entry.favourite === 1;

  const download = async () => {
    try {
      downloadBlob(await readImage(entry.id), entryFileName(entry));
    } catch (error) {
      reportFailure('Downloading', error);
    }
  };
  const copyPrompt = async () => {
    try {
      await navigator.clipboard.writeText(entry.prompt);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch (error) {
      reportFailure('Copying the prompt', error);
    }
  };

  return (
    <div className="detail__actions" role="group" aria-label="Image actions">
      <button
        type="button"
        className="button"
        aria-pressed={favourite}
        onClick={() => setFavourite.mutate({ ids: [entry.id], favourite: !favourite })}
      >
        <span aria-hidden="true">{favourite ? '★' : '☆'}</span> Favourite
      </button>
      {!entry.remote && (
        <button type="button" className="button" onClick={() => void download()}>
          Download
        </button>
      )}
      {entry.prompt && (
        <button type="button" className="button" onClick={() => void copyPrompt()}>
          {copied ? 'Prompt copied' : 'Copy prompt'}
        </button>
      )}
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
