import { useEditResultsStore } from '../edit/edit-results-store.ts';
import { useJobStore } from '../../generate/jobs/job-store.ts';
import { cancelJob } from '../../generate/jobs/run-image-job.ts';
import { JobError } from '../../generate/results/job-error.tsx';
import { JobStatus } from '../../generate/results/job-status.tsx';

/** The running (or last) edit: progress and Cancel, or what went wrong and what to do. */
export function EditJobStatus() {
  const jobId = useEditResultsStore((s) => s.currentJobId);
  const applyError = useEditResultsStore((s) => s.applyError);
  const job = useJobStore((s) => s.jobs.find((j) => j.id === jobId));
  if (applyError) {
    return (
      <div className="edit-job" role="alert">
        <p className="editor-error">{applyError}</p>
      </div>
    );
  }
  if (!job || job.status === 'done') return null;
  return (
    <div className="edit-job">
      <JobStatus job={job} />
      {job.status === 'running' && (
        <button type="button" className="button button--ghost" onClick={() => cancelJob(job.id)}>
          Cancel edit
        </button>
      )}
      {job.status === 'failed' && job.error && <JobError job={job} error={job.error} />}
      {job.status === 'unsaved' && job.saveError && (
        <p role="alert" className="editor-warning">
          {job.saveError.message} {job.saveError.action}
        </p>
      )}
    </div>
  );
}
