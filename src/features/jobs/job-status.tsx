import type { ImageJob } from './job-store.ts';
import { isActive } from './job-store.ts';
import { useNow } from '../../lib/use-now.ts';
import { SLOTS_PER_PROVIDER } from './provider-slots.ts';

/** While it runs, whole seconds (see TICK_MS); once it ended, to the tenth. */
function formatElapsed(ms: number, running: boolean): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return running ? `${Math.floor(s)} s` : `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.floor(s % 60)).padStart(2, '0')} s`;
}

const LABEL: Record<ImageJob['status'], string> = {
  queued: 'Queued',
  running: 'Generating',
  saving: 'Saving to gallery',
  done: 'Saved',
  unsaved: 'Not saved',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/**
 * A running job's counter moves once a second: ticking tenths redrew the card ten times a
 * second through the whole wait, CPU taken from the provider on the same machine (the local
 * engine) and from the answer's check and save when it comes.
 */
const TICK_MS = 1000;

/** The job's state in words, its elapsed time (ticking while it runs) and any retry. */
export function JobStatus({ job }: { job: ImageJob }) {
  const active = isActive(job);
  const now = useNow(active, TICK_MS);
  const elapsed = (job.endedAt ?? now) - job.startedAt;
  const retryIn = job.retry ? Math.max(0, Math.ceil((job.retry.at - now) / 1000)) : 0;
  const verb =
    job.operation === 'edit'
      ? 'Editing'
      : job.operation === 'variation'
        ? 'Making variations'
        : LABEL.running;
  // Between a refused attempt and its retry nothing is being made: the job waits.
  const label =
    job.status !== 'running' ? LABEL[job.status] : retryIn > 0 ? 'Waiting to retry' : verb;
  return (
    <div className={`job-status job-status--${job.status}`}>
      <span className="job-status__label">
        {active ? <span className="job-status__spinner" aria-hidden="true" /> : null}
        {label}
      </span>
      {/* An interrupted job has no end this page saw: no time to show. */}
      {job.status === 'interrupted' ? null : (
        <span
          className="job-status__elapsed"
          aria-label={`Elapsed ${formatElapsed(elapsed, active)}`}
        >
          <time>{formatElapsed(elapsed, active)}</time>
        </span>
      )}
      {job.status === 'queued' ? (
        <span className="job-status__queued">
          waits for a free slot: at most {SLOTS_PER_PROVIDER} requests to {job.providerName} at once
        </span>
      ) : null}
      {job.status === 'running' && job.retry ? (
        <span className="job-status__retry" role="status">
          {retryIn > 0
            ? `Retry ${job.retry.attempt} of ${job.retry.maxRetries} in ${retryIn} s`
            : `Retry ${job.retry.attempt} of ${job.retry.maxRetries} sent`}
          {' — '}
          {job.retry.reason}
        </span>
      ) : null}
      {job.status !== 'running' && job.retries > 0 ? (
        <span className="job-status__retries">
          after {job.retries} {job.retries === 1 ? 'retry' : 'retries'}
        </span>
      ) : null}
      {job.status === 'running' && job.partialCount > 0 ? (
        <span className="job-status__partials">
          {job.partialCount} partial frame{job.partialCount === 1 ? '' : 's'}
        </span>
      ) : null}
    </div>
  );
}
