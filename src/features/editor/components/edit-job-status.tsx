import { useEffect, useRef, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditResultsStore } from '../edit/edit-results-store.ts';
import { resendInterruptedEdit } from '../edit/resend-edit.ts';
import { registerEditResend } from '../../jobs/edit-resend.ts';
import { isActive, useJobStore, type ImageJob } from '../../jobs/job-store.ts';
import { CancelJobButton, DismissJobButton } from '../../jobs/job-buttons.tsx';
import { JobOutcome } from '../../jobs/job-outcome.tsx';
import { JobStatus } from '../../jobs/job-status.tsx';
import { useFocusKeptInRows } from '../../../lib/ui/use-focus-kept-in-rows.ts';
import './edit-side-panel.css';

// Try again on an edit a reload interrupted composes its results and shows them here.
registerEditResend(resendInterruptedEdit);

/**
 * The edits that need the designer's eye: every one still running (with Cancel), the last
 * one run, and every one that failed and was not tried again — each with its prompt, what
 * went wrong and "Try again" (which sends the same image and mask again). Finished edits
 * show in the results strip instead. A row leaving with the focus hands it on (to the row
 * that takes its place, else to `onFocusLost`).
 */
export function EditJobStatus({ onFocusLost }: { onFocusLost: () => void }) {
  const currentId = useEditResultsStore((s) => s.currentJobId);
  const applyError = useEditResultsStore((s) => s.applyError);
  const jobs = useJobStore(
    useShallow((s) =>
      s.jobs.filter(
        (j) =>
          j.operation === 'edit' &&
          j.view !== 'generate' &&
          j.status !== 'done' &&
          (isActive(j) ||
            j.status === 'unsaved' ||
            ((j.status === 'failed' || j.status === 'interrupted') && !j.retriedAs) ||
            j.id === currentId),
      ),
    ),
  );
  const list = useRef<HTMLDivElement>(null);
  const focusKept = useFocusKeptInRows({
    ids: jobs.map((job) => job.id),
    list,
    successor: (id) => useJobStore.getState().jobs.find((job) => job.id === id)?.retriedAs,
    fallback: onFocusLost,
  });
  if (!applyError && jobs.length === 0) return null;
  return (
    <div className="edit-jobs" ref={list} {...focusKept}>
      {applyError && (
        <div className="edit-job" role="alert">
          <p className="editor-error">{applyError}</p>
        </div>
      )}
      {jobs.map((job) => (
        <EditJobRow key={job.id} job={job} labelled={jobs.length > 1} />
      ))}
    </div>
  );
}

function EditJobRow({ job, labelled }: { job: ImageJob; labelled: boolean }) {
  const row = useRef<HTMLElement>(null);
  useBroughtIntoViewWhenItFails(job, row);
  return (
    <article
      ref={row}
      tabIndex={-1}
      data-job-id={job.id}
      className="edit-job"
      aria-label={`Edit: ${job.prompt}`}
    >
      {/* With several edits listed, each says which prompt it is. */}
      {labelled && <p className="edit-job__prompt">{job.prompt}</p>}
      <JobStatus job={job} />
      <CancelJobButton job={job} label="Cancel edit" />
      <DismissJobButton job={job} className="edit-job__dismiss" />
      <JobOutcome job={job} />
    </article>
  );
}

/**
 * When a running edit fails, its message and way forward are scrolled into view: on a short
 * phone the new row sits at the foot of the editor's column with only its top showing. Only
 * as far as needed ('nearest'), so a row already in view does not move the page; a row that
 * was failed when it appeared (the view opened again) is left where it is.
 */
function useBroughtIntoViewWhenItFails(job: ImageJob, row: RefObject<HTMLElement | null>) {
  const failed = job.status === 'failed' || job.status === 'unsaved';
  const wasFailed = useRef(failed);
  useEffect(() => {
    if (failed && !wasFailed.current) {
      row.current?.querySelector('[role="alert"]')?.scrollIntoView({ block: 'nearest' });
    }
    wasFailed.current = failed;
  }, [failed, row]);
}
