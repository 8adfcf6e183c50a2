import { useState } from 'react';
import { acceptResultUrl } from '../../../api/result-url.ts';
import { formatDateTime } from '../entries/entry-labels.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';

/** What is known about a link-only result, shown in the viewer instead of the picture. */
export function RemoteImage({ entry }: { entry: GalleryEntry }) {
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
