import { useQueryClient } from '@tanstack/react-query';
import { resumeSaving, useGalleryHealth } from '../../gallery-store/gallery-health.ts';
import { adoptMarker } from '../../gallery-store/gallery-marker.ts';
import { galleryKeys } from '../../gallery-store/gallery-queries.ts';
import { GALLERY_ADVICE } from '../../gallery-store/gallery-storage-error.ts';
import { useArchiveStore } from '../stores/archive-store.ts';
import './saving-stopped-notice.css';
import './selection-bar.css';

const HEADLINE = {
  disk: 'The disk is full, so Easel has stopped saving.',
  quota: 'The disk or the browser’s storage for this site is full, so Easel has stopped saving.',
  failed: 'The gallery could not be written, so Easel has stopped saving.',
} as const;

/** What to do, per cause (the gallery's own advice for a full disk or quota). */
const ADVICE = {
  disk: GALLERY_ADVICE.disk,
  quota: GALLERY_ADVICE.quota,
  failed:
    'The browser did not say why; a nearly full disk is the usual cause, so free space on this device. Export your gallery now (Export all) to keep a copy elsewhere.',
} as const;

/**
 * Says, in the gallery, that saving has stopped and why, with the way forward: export now,
 * free space and resume, or accept a database the browser recreated as a new gallery.
 */
export function SavingStoppedNotice({ canExport }: { canExport: boolean }) {
  const stopped = useGalleryHealth((s) => s.stopped);
  const exportEntries = useArchiveStore((s) => s.exportEntries);
  const queryClient = useQueryClient();
  if (!stopped) return null;

  if (stopped.cause === 'lost') {
    const since = new Date(stopped.lostSince).toLocaleDateString();
    return (
      <div
        className="gallery-notice gallery-notice--error saving-stopped"
        role="alert"
        aria-label="Saving stopped"
      >
        <div className="gallery-notice__body">
          <p>
            <strong>Easel has stopped saving.</strong> The browser discarded the gallery’s database
            (it does so when the disk fills up) and started an empty one: the images saved here
            since {since} are no longer in this browser. Easel has stopped saving so that nothing is
            reported saved that is not.
          </p>
          <p>
            Free space on this device, keep any result still on screen with its download button,
            then start a new gallery to save again.
          </p>
        </div>
        <button
          type="button"
          className="button"
          onClick={() =>
            void import('../../gallery-store/gallery-db.ts')
              .then(({ galleryDb }) => adoptMarker(galleryDb.name, galleryDb.meta))
              .then(() => {
                resumeSaving();
                return queryClient.invalidateQueries({ queryKey: galleryKeys.meta() });
              })
          }
        >
          Start a new gallery
        </button>
      </div>
    );
  }

  return (
    <div
      className="gallery-notice gallery-notice--error saving-stopped"
      role="alert"
      aria-label="Saving stopped"
    >
      <div className="gallery-notice__body">
        <p>
          <strong>{HEADLINE[stopped.cause]}</strong>
        </p>
        <p>
          {ADVICE[stopped.cause]} Results made meanwhile stay on screen, marked Not saved; once
          there is room, press Try saving again on each, or resume saving here.
        </p>
      </div>
      <div className="saving-stopped__actions">
        <button
          type="button"
          className="button"
          disabled={!canExport}
          onClick={() => void exportEntries(null)}
        >
          Export all
        </button>
        <button type="button" className="button button--ghost" onClick={resumeSaving}>
          Resume saving
        </button>
      </div>
    </div>
  );
}
