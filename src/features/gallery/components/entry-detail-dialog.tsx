import { useQuery } from '@tanstack/react-query';
import { Dialog } from 'radix-ui';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { entryTitle } from '../entries/entry-labels.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { entryQuery } from '../../gallery-store/gallery-queries.ts';
import { useGalleryUi } from '../stores/gallery-ui-store.ts';
import { EntryActions } from './entry-actions.tsx';
import { EntryImage } from './entry-image.tsx';
import { EntryLineage } from './entry-lineage.tsx';
import { EntryMetadata } from './entry-metadata.tsx';
import { detailStepFor } from '../grid-navigation.ts';

/**
 * The detail view (Radix Dialog: focus trapped, Escape closes, focus returns to the tile):
 * the full image, every piece of metadata, the lineage, and what can be done with it.
 * Left/Right arrows step through the images the grid currently shows.
 */
export function EntryDetailDialog({ shown }: { shown: readonly GalleryEntry[] }) {
  const openId = useGalleryUi((s) => s.openEntryId);
  const openEntry = useGalleryUi((s) => s.openEntry);
  const index = openId ? shown.findIndex((e) => e.id === openId) : -1;
  const previous = index > 0 ? shown[index - 1] : undefined;
  const next = index >= 0 ? shown[index + 1] : undefined;
  // The entry shown last, so closing can return focus to its tile (arrow keys may have
  // moved far from the tile that opened the dialog).
  const lastShown = useRef<string | null>(null);
  useEffect(() => {
    if (openId) lastShown.current = openId;
  }, [openId]);

  const onCloseAutoFocus = (event: Event) => {
    const id = lastShown.current;
    const tile = id && document.querySelector<HTMLElement>(`[role="grid"] [data-entry-id="${id}"]`);
    if (tile) {
      event.preventDefault();
      tile.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    const direction = detailStepFor(event.key);
    const step = direction === -1 ? previous : direction === 1 ? next : undefined;
    if (step) {
      event.preventDefault();
      openEntry(step.id);
    }
  };

  return (
    <Dialog.Root open={openId !== null} onOpenChange={(open) => !open && openEntry(null)}>
      <Dialog.Portal>
        <Dialog.Overlay className="entry-detail-overlay" />
        <Dialog.Content
          className="entry-detail"
          aria-describedby={undefined}
          onKeyDown={onKeyDown}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          {openId && <EntryDetail key={openId} id={openId} previous={previous} next={next} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

interface EntryDetailProps {
  id: string;
  previous: GalleryEntry | undefined;
  next: GalleryEntry | undefined;
}

function EntryDetail({ id, previous, next }: EntryDetailProps) {
  const { data: entry, isPending, error } = useQuery(entryQuery(id));
  const openEntry = useGalleryUi((s) => s.openEntry);
  if (isPending) return <Dialog.Title className="visually-hidden">Loading image</Dialog.Title>;
  if (!entry) {
    return (
      <div className="entry-detail__missing">
        <Dialog.Title>Image not found</Dialog.Title>
        <p>{error ? error.message : 'This image is no longer in the gallery.'}</p>
        <Dialog.Close className="button">Close</Dialog.Close>
      </div>
    );
  }
  return (
    <>
      <div className="entry-detail__stage">
        <EntryImage entry={entry} />
        <div className="entry-detail__steps">
          <button
            type="button"
            className="button"
            disabled={!previous}
            onClick={() => previous && openEntry(previous.id)}
          >
            ← Previous
          </button>
          <button
            type="button"
            className="button"
            disabled={!next}
            onClick={() => next && openEntry(next.id)}
          >
            Next →
          </button>
        </div>
      </div>
      <div className="entry-detail__side">
        <div className="entry-detail__header">
          <Dialog.Title className="entry-detail__title">{entryTitle(entry)}</Dialog.Title>
          <Dialog.Close className="button button--ghost entry-detail__close" aria-label="Close">
            ✕
          </Dialog.Close>
        </div>
        <EntryActions entry={entry} />
        <EntryMetadata entry={entry} />
        <EntryLineage entry={entry} />
      </div>
    </>
  );
}
