import { useQuery } from '@tanstack/react-query';
import { Popover } from 'radix-ui';
import { useId } from 'react';
import { PopoverPanel } from '../../../lib/ui/popover-panel.tsx';
import { formatBytes } from '../archive/bytes.ts';
import { storageQuery } from '../../gallery-store/gallery-queries.ts';
import { useGalleryHealth } from '../../gallery-store/gallery-health.ts';
import { spaceLeft } from '../../gallery-store/storage-estimate.ts';
import './storage-meter.css';

/** How much the gallery stores, how much room is left, and whether the browser keeps it. */
export function StorageMeter() {
  const { data: report, isError } = useQuery(storageQuery());
  const stopped = useGalleryHealth((s) => s.stopped);
  if (isError) return <p className="gallery-storage">Storage use unknown</p>;
  // Until the browser answers, an invisible meter of the same shape keeps its place: on a
  // phone it has a row of its own, and the boards and filters below would move down.
  if (!report) {
    return (
      <div className="gallery-storage gallery-storage--pending" aria-hidden="true">
        <span>&nbsp;</span>
        <meter className="gallery-storage__bar" />
        <span className="gallery-storage__kept">&nbsp;</span>
      </div>
    );
  }
  if (report.usage === null || report.quota === null) {
    return <p className="gallery-storage">This browser does not report storage space</p>;
  }
  // The browser's estimate knows nothing of the disk (it said 1.0 GB free on a full 60 MB
  // disk): after a write failed for lack of room, the failure is the truth.
  const full = stopped?.cause === 'disk' || stopped?.cause === 'quota';
  const failing = full || stopped?.cause === 'failed';
  const left = spaceLeft(report) ?? 0;
  const share = failing ? 1 : report.quota > 0 ? Math.min(1, report.usage / report.quota) : 0;
  return (
    <div className="gallery-storage">
      <span>
        {formatBytes(report.usage)} used ·{' '}
        {full
          ? 'No space left: the last save failed'
          : failing
            ? 'The last save failed: free space unknown'
            : `${formatBytes(left)} free`}
      </span>
      <meter
        className="gallery-storage__bar"
        aria-label="Gallery storage used"
        min={0}
        max={1}
        value={share}
        high={0.9}
      />
      {report.persisted ? (
        <span className="gallery-storage__kept" title="Kept until you delete it">
          Persistent
        </span>
      ) : (
        <NotPersistent />
      )}
    </div>
  );
}

/**
 * "Not persistent", and a tap or a click away (a phone has no hover for a tooltip), what that
 * means and what to do about it.
 */
function NotPersistent() {
  const headingId = useId();
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button type="button" className="gallery-storage__kept gallery-storage__kept--button">
          Not persistent
        </button>
      </Popover.Trigger>
      <PopoverPanel aria-labelledby={headingId} align="start">
        <span id={headingId} className="popover-panel__heading">
          Not persistent
        </span>
        <p className="popover-panel__hint">
          The browser keeps the gallery on this device, but may clear it if the disk runs low.
          Export all keeps a copy of every image, with its prompt and settings, as one zip file:
          keep it somewhere safe, and Import brings it all back.
        </p>
      </PopoverPanel>
    </Popover.Root>
  );
}
