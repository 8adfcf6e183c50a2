import { isActive, type ImageJob } from './job-store.ts';
import { cancelJob, dismissJob } from './run-image-job.ts';

/** Stops a running job (its partial frames go; nothing is saved) or takes a queued one off. */
export function CancelJobButton({ job, label = 'Cancel' }: { job: ImageJob; label?: string }) {
  if (job.status !== 'running' && job.status !== 'queued') return null;
  return (
    <button type="button" className="button button--small" onClick={() => cancelJob(job.id)}>
      {label}
    </button>
  );
}

/**
 * Takes a settled job off the list; what it saved stays in the gallery. `keepRoom`: while
 * the job runs, an invisible button of the same size holds its place, so the buttons beside
 * it do not move when it comes.
 */
export function DismissJobButton({
  job,
  className = '',
  keepRoom = false,
}: {
  job: ImageJob;
  className?: string;
  keepRoom?: boolean;
}) {
  const classes = `button button--ghost button--small ${className}`.trim();
  if (isActive(job)) {
    return keepRoom ? (
      <span className={classes} aria-hidden="true" style={{ visibility: 'hidden' }}>
        ✕
      </span>
    ) : null;
  }
  return (
    <button
      type="button"
      className={classes}
      aria-label="Remove from the list"
      title="Remove from the list (saved images stay in the gallery)"
      onClick={() => dismissJob(job.id)}
    >
      ✕
    </button>
  );
}
