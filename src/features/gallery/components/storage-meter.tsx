import { useQuery } from '@tanstack/react-query';
import { formatBytes } from '../archive/bytes.ts';
import { storageQuery } from '../../gallery-store/gallery-queries.ts';
import { spaceLeft } from '../../gallery-store/storage-estimate.ts';

/** How much the gallery stores, how much room is left, and whether the browser keeps it. */
export function StorageMeter() {
  const { data: report, isError } = useQuery(storageQuery());
  if (isError) return <p className="gallery-storage">Storage use unknown</p>;
  if (!report) return null;
  if (report.usage === null || report.quota === null) {
    return <p className="gallery-storage">This browser does not report storage space</p>;
  }
  const left = spaceLeft(report) ?? 0;
  const share = report.quota > 0 ? Math.min(1, report.usage / report.quota) : 0;
  const kept =
    report.persisted === true
      ? 'Kept until you delete it'
      : 'The browser may clear it if the disk runs low: export what matters';
  return (
    <div className="gallery-storage" title={kept}>
      <span>
        {formatBytes(report.usage)} used · {formatBytes(left)} free
      </span>
      <meter
        className="gallery-storage__bar"
        aria-label="Gallery storage used"
        min={0}
        max={1}
        value={share}
        high={0.9}
      />
      <span className="gallery-storage__kept">
        {report.persisted ? 'Persistent' : 'Not persistent'}
      </span>
    </div>
  );
}
