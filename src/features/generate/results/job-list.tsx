import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Operation } from '../../../api/model-types.ts';
import { useJobStore } from '../../jobs/job-store.ts';
import { keptInGallery, useDeletedResults } from '../../jobs/deleted-results.ts';
import { useFocusKeptInRows } from '../../../lib/ui/use-focus-kept-in-rows.ts';
import './job-list.css';

// A result card's code (viewer, actions, error help) and the size toggle load with the first
// job, or as the designer starts composing one (preloadJobCards), not with the first screen.
const loadJobCard = () => import('./job-card.tsx');
const JobCard = lazy(() => loadJobCard().then((m) => ({ default: m.JobCard })));
const loadSizeToggle = () => import('./results-size-toggle.tsx');
const ResultsSizeToggle = lazy(() =>
  loadSizeToggle().then((m) => ({ default: m.ResultsSizeToggle })),
);

export function preloadJobCards(): void {
  // Ahead of need only: a failed fetch (offline) is tried again when a job shows.
  loadJobCard().catch(() => undefined);
  loadSizeToggle().catch(() => undefined);
}

interface JobListProps {
  operations: readonly Operation[];
  /** Shown when there is no job yet. */
  empty: React.ReactNode;
}

/** The queue and results of this session, newest first; several jobs may run at once. */
export function JobList({ operations, empty }: JobListProps) {
  const all = useJobStore((s) => s.jobs);
  const missing = useDeletedResults((s) => s.missing);
  // A job whose every image was deleted from the gallery goes, as after a reload.
  const jobs = all.filter(
    (job) =>
      (operations.includes(job.operation) || job.view === 'generate') &&
      keptInGallery(job.entryIds, missing),
  );
  const running = jobs.filter((j) => j.status === 'running' || j.status === 'saving').length;
  const queued = jobs.filter((j) => j.status === 'queued').length;
  const [announcement, setAnnouncement] = useState('');
  // A confirmation ("Prompt copied.") shows for a few seconds, then goes.
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(''), 4000);
    return () => clearTimeout(timer);
  }, [announcement]);
  const list = useRef<HTMLElement>(null);
  // A card removed with the focus in it (Remove from the keyboard) would drop the focus to
  // the page: the job that takes its place gets it, else the one above, else the list.
  const keepFocus = useFocusKeptInRows({
    ids: jobs.map((job) => job.id),
    list,
    successor: () => undefined,
    fallback: () => list.current?.focus({ preventScroll: true }),
  });

  return (
    <section
      ref={list}
      tabIndex={-1}
      className="job-list"
      aria-label="Results"
      onFocus={keepFocus.onFocus}
      onBlur={keepFocus.onBlur}
    >
      <header className="job-list__header">
        <h2 className="job-list__title">Results</h2>
        <span className="job-list__count" role="status">
          {running + queued > 0
            ? [running && `${running} running`, queued && `${queued} queued`]
                .filter(Boolean)
                .join(', ')
            : jobs.length > 0
              ? `${jobs.length} this session`
              : ''}
        </span>
        <p className="job-list__toast" role="status" data-shown={announcement ? '' : undefined}>
          {announcement}
        </p>
        {jobs.length > 0 ? (
          <Suspense fallback={null}>
            <ResultsSizeToggle />
          </Suspense>
        ) : null}
      </header>
      {jobs.length === 0 ? (
        empty
      ) : (
        <div className="job-list__items">
          <Suspense fallback={null}>
            {jobs.map((job, i) => (
              <JobCard key={job.id} job={job} featured={i === 0} onCopied={setAnnouncement} />
            ))}
          </Suspense>
        </div>
      )}
    </section>
  );
}
