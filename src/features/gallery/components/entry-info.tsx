import { useQuery } from '@tanstack/react-query';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { entryQuery } from '../../gallery-store/gallery-queries.ts';
import { EntryActions } from './entry-actions.tsx';
import { EntryLineage } from './entry-lineage.tsx';
import { EntryMetadata } from './entry-metadata.tsx';
import './entry-info.css';

/** The viewer's Info panel for a gallery entry: what can be done with it, and all about it. */
export function EntryInfo({ id, known }: { id: string; known?: GalleryEntry | undefined }) {
  const { data: entry, isPending, error } = useQuery({ ...entryQuery(id), placeholderData: known });
  if (isPending) return <p className="entry-detail__note">Loading…</p>;
  if (!entry) {
    return (
      <p className="entry-detail__note" role="alert">
        {error ? error.message : 'This image is no longer in the gallery.'}
      </p>
    );
  }
  return (
    <div className="entry-detail">
      <EntryActions entry={entry} />
      <EntryMetadata entry={entry} />
      <EntryLineage entry={entry} />
    </div>
  );
}
