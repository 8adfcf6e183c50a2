import { useQuery } from '@tanstack/react-query';
import { Dialog } from 'radix-ui';
import { useDeferredValue, useMemo, useState } from 'react';
import { useThumbnailCanvas } from '../../../lib/use-thumbnail-canvas.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { entriesQuery, thumbnailQuery } from '../../gallery-store/gallery-queries.ts';
import { newestFirst } from '../../gallery-store/gallery-reads.ts';
import '../../../lib/ui/thumb-grid.css';
import './gallery-picker-dialog.css';

/** Thumbnails shown at first, and added by each "Show more". */
const PAGE = 48;

interface GalleryPickerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called with the picked entry's id; the dialog closes itself. */
  onPick: (id: string) => void;
}

const titleOf = (entry: GalleryEntry) =>
  entry.prompt.trim() || (entry.kind === 'variation' ? 'Variation' : 'Untitled image');

/** The gallery's images, newest first and searchable by prompt, to pick one to edit. */
export default function GalleryPickerDialog({ open, onOpenChange, onPick }: GalleryPickerProps) {
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const { data: entries, error } = useQuery({ ...entriesQuery(), enabled: open });
  const query = useDeferredValue(search).trim().toLowerCase();
  const matches = useMemo(() => {
    const words = query.split(/\s+/).filter(Boolean);
    return (entries ?? [])
      .filter((e) => !e.remote && words.every((w) => e.prompt.toLowerCase().includes(w)))
      .sort(newestFirst);
  }, [entries, query]);

  let body;
  if (error) body = <p role="alert">The gallery cannot be read: {error.message}</p>;
  else if (!entries) body = <p role="status">Opening the gallery…</p>;
  else if (matches.length === 0)
    body = <p className="picker__empty">{query ? 'No images match' : 'Nothing here yet'}</p>;
  else
    body = (
      <>
        <ul className="thumb-grid picker__grid">
          {matches.slice(0, limit).map((entry) => (
            <li key={entry.id}>
              <PickerItem
                entry={entry}
                onPick={() => {
                  onOpenChange(false);
                  onPick(entry.id);
                }}
              />
            </li>
          ))}
        </ul>
        {matches.length > limit && (
          <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
            Show more ({(matches.length - limit).toLocaleString()} left)
          </button>
        )}
      </>
    );

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content className="dialog picker" aria-describedby={undefined}>
          <header className="dialog__header">
            <Dialog.Title className="dialog__title">Pick from the gallery</Dialog.Title>
            <Dialog.Close className="button button--ghost button--small" aria-label="Close">
              ✕
            </Dialog.Close>
          </header>
          <div className="picker__search">
            <input
              type="search"
              className="input"
              placeholder="Search prompts"
              aria-label="Search prompts"
              value={search}
              onChange={(e) => {
                setSearch(e.target.value);
                setLimit(PAGE);
              }}
            />
          </div>
          <div className="dialog__body" role="region" aria-label="Gallery images" tabIndex={-1}>
            {body}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function PickerItem({ entry, onPick }: { entry: GalleryEntry; onPick: () => void }) {
  const { data: thumbnail } = useQuery(thumbnailQuery(entry.id));
  const { canvasRef, failed } = useThumbnailCanvas(thumbnail);
  const title = titleOf(entry);
  return (
    <button type="button" className="picker__item" title={title} onClick={onPick}>
      <span className="picker__frame">
        {thumbnail && !failed && <canvas ref={canvasRef} aria-hidden="true" />}
      </span>
      <span className="picker__caption">{title}</span>
    </button>
  );
}
