import { useQuery } from '@tanstack/react-query';
import { entryTitle } from './entries/entry-labels.ts';
import type { GalleryEntry } from '../gallery-store/gallery-entry.ts';
import { recentQuery, thumbnailQuery } from '../gallery-store/gallery-queries.ts';
import { useGalleryLiveUpdates } from '../gallery-store/use-gallery-live-updates.ts';
import { useThumbnailCanvas } from '../../lib/use-thumbnail-canvas.ts';
import { useGalleryUi } from './stores/gallery-ui-store.ts';
import { useViewStore } from '../../lib/studio-view.ts';
import { writeEntryDrag } from '../gallery-store/entry-drag.ts';
import { entryFileName } from '../gallery-store/entry-file.ts';
import './recent-strip.css';

/**
 * The newest gallery images as a strip of thumbnails, for other views (Generate) to keep the
 * gallery within reach. Each opens in the gallery's detail view, or is dragged to the Edit tab.
 * Renders nothing while the gallery is empty.
 */
export function RecentStrip({ limit = 12 }: { limit?: number }) {
  useGalleryLiveUpdates();
  const { data: recent } = useQuery(recentQuery(limit));
  const showView = useViewStore((s) => s.showView);
  if (!recent?.length) return null;
  return (
    <section className="recent-strip" aria-labelledby="recent-strip-title">
      <div className="recent-strip__header">
        <h3 id="recent-strip-title" className="recent-strip__title">
          Recent
        </h3>
        <button type="button" className="button button--ghost" onClick={() => showView('gallery')}>
          Open the gallery
        </button>
      </div>
      <ul className="recent-strip__list">
        {recent.map((entry) => (
          <li key={entry.id}>
            <RecentItem entry={entry} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function RecentItem({ entry }: { entry: GalleryEntry }) {
  const { data: thumbnail } = useQuery(thumbnailQuery(entry.id));
  const { canvasRef, failed } = useThumbnailCanvas(thumbnail);
  return (
    <button
      type="button"
      className="recent-strip__item"
      aria-label={`Open in the gallery: ${entryTitle(entry)}`}
      title={entryTitle(entry)}
      draggable={!entry.remote}
      onDragStart={(event) => writeEntryDrag(event.dataTransfer, entry.id, entryFileName(entry))}
      onClick={() => {
        useGalleryUi.getState().openEntry(entry.id);
        useViewStore.getState().showView('gallery');
      }}
    >
      {thumbnail && !failed && <canvas ref={canvasRef} aria-hidden="true" />}
    </button>
  );
}
