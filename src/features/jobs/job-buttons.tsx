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

/** Takes a settled job off the list; what it saved stays in the gallery. */
export function DismissJobButton({ job, className = '' }: { job: ImageJob; className?: string }) {
  if (isActive(job)) return null;
  return (
    <button
      type="button"
      className={`button button--ghost button--small ${className}`.trim()}
      aria-label="Remove from the list"
      title="Remove from the list (saved images stay in the gallery)"
      onClick={() => dismissJob(job.id)}
    >
      ✕
    </button>
  );
}
