import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { acceptResultUrl } from '../../../api/result-url.ts';
import { entryTitle, formatDateTime } from '../entries/entry-labels.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { imageQuery } from '../../gallery-store/gallery-queries.ts';
import { useBlobImage } from '../hooks/use-blob-image.ts';

/** The full image in the detail view, or what is known about a link-only result. */
export function EntryImage({ entry }: { entry: GalleryEntry }) {
  if (entry.remote) return <RemoteImage entry={entry} />;
  return <StoredImage entry={entry} />;
}

function StoredImage({ entry }: { entry: GalleryEntry }) {
  const image = useQuery(imageQuery(entry.id));
  const ref = useBlobImage(image.data);
  if (image.isError) return <p className="entry-detail__image-problem">{image.error.message}</p>;
  return (
    <img
      ref={ref}
      className="entry-detail__image"
      alt={`Full image: ${entryTitle(entry)}`}
      width={entry.width}
      height={entry.height}
    />
  );
}

function RemoteImage({ entry }: { entry: GalleryEntry }) {
  const remote = entry.remote!;
  // Read once when the view opens; the dialog is reopened far more often than links expire.
  const [openedAt] = useState(() => Date.now());
  const expired = remote.expiresAt < openedAt;
  // Only an http(s) link is ever clickable (import validates it too; this holds anyway).
  const href = acceptResultUrl(remote.url);
  return (
    <div className="entry-detail__image-problem">
      <p>
        The provider answered with a link instead of the image, and the image could not be fetched
        from it ({remote.reason}). Only the link was kept.
      </p>
      <p>
        {expired
          ? `The link expired on ${formatDateTime(remote.expiresAt)}.`
          : `The link works until ${formatDateTime(remote.expiresAt)}: open it and save the image.`}
      </p>
      {!expired && href && (
        <a className="button" href={href} target="_blank" rel="noopener noreferrer">
          Open the provider’s link
        </a>
      )}
    </div>
  );
}
