import { lazy, Suspense, useState } from 'react';
import type { Operation } from '../../../api/model-types.ts';
import { useJobStore } from '../../jobs/job-store.ts';
import './job-list.css';

// A result card's code (viewer, actions, error help) loads with the first job, or as the
// designer starts composing one (preloadJobCards), not with the first screen.
const loadJobCard = () => import('./job-card.tsx');
const JobCard = lazy(() => loadJobCard().then((m) => ({ default: m.JobCard })));

export function preloadJobCards(): void {
  void loadJobCard();
}

interface JobListProps {
  operations: readonly Operation[];
  /** Shown when there is no job yet. */
  empty: React.ReactNode;
}

/** The queue and results of this session, newest first; several jobs may run at once. */
export function JobList({ operations, empty }: JobListProps) {
  const all = useJobStore((s) => s.jobs);
  const jobs = all.filter((job) => operations.includes(job.operation) || job.view === 'generate');
  const running = jobs.filter((j) => j.status === 'running' || j.status === 'saving').length;
  const [announcement, setAnnouncement] = useState('');
  return (
    <section className="job-list" aria-label="Results">
      <header className="job-list__header">
        <h2 className="job-list__title">Results</h2>
        <span className="job-list__count" role="status">
          {running > 0
            ? `${running} running`
            : jobs.length > 0
              ? `${jobs.length} this session`
              : ''}
        </span>
      </header>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {jobs.length === 0 ? (
        empty
      ) : (
        <div className="job-list__items">
          <Suspense fallback={null}>
            {jobs.map((job) => (
              <JobCard key={job.id} job={job} onCopied={setAnnouncement} />
            ))}
          </Suspense>
        </div>
      )}
    </section>
  );
}
