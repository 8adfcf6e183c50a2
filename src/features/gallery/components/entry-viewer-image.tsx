import { queryClient } from '../../../lib/query-client.ts';
import type { ViewerImage } from '../../viewer/viewer-image.ts';
import { entryTitle, formatDateTime, KIND_LABEL } from '../entries/entry-labels.ts';
import type { GalleryEntry } from '../../gallery-store/gallery-entry.ts';
import { imageQuery } from '../../gallery-store/gallery-queries.ts';
import { RemoteImage } from './remote-entry-image.tsx';

/** A gallery entry as the viewer shows it; its bytes are read when it is shown. */
export function entryViewerImage(entry: GalleryEntry): ViewerImage {
  const title = entryTitle(entry);
  return {
    key: entry.id,
    title,
    subtitle: `${KIND_LABEL[entry.kind]} · ${formatDateTime(entry.createdAt)}`,
    alt: `Full image: ${title}`,
    width: entry.width,
    height: entry.height,
    ...(entry.remote
      ? { missing: <RemoteImage entry={entry} /> }
      : { load: () => queryClient.fetchQuery(imageQuery(entry.id)) }),
  };
}
