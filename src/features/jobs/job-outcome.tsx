import { refusedSentence } from '../../api/refused-images.ts';
import type { RefusedImage } from '../../api/image-result.ts';
import type { ImageJob, TopUp } from './job-store.ts';
import { rerunJob, retrySave } from './run-image-job.ts';
import { JobError } from './job-error.tsx';
import { JobInterrupted } from './job-interrupted.tsx';
import { saveTopUp, topUpRefused } from './top-up-refused.ts';
import './job-outcome.css';

/**
 * How a job ended when it needs words, and the way forward, the same wherever the job is
 * listed (the Generate queue, the editor): saving, not saved (Try saving again, the
 * images stay), saved but with images whose bytes were refused (which, and Try again),
 * failed (what went wrong and what to do), interrupted by a reload (Try again), cancelled
 * (Run again).
 */
export function JobOutcome({ job }: { job: ImageJob }) {
  switch (job.status) {
    case 'saving':
      return <p className="job-outcome">Saving to the gallery…</p>;
    case 'unsaved':
      return job.saveError ? (
        <div className="callout callout--warning" role="alert">
          <div className="callout__body">
            <p className="callout__title">{job.saveError.message}</p>
            <p>{job.saveError.action} The images stay here until you remove them.</p>
          </div>
          <button
            type="button"
            className="button button--small job-outcome__action"
            onClick={() => void retrySave(job.id)}
          >
            Try saving again
          </button>
        </div>
      ) : null;
    case 'done':
      return (
        <>
          {job.topUp?.unsaved ? <TopUpUnsaved job={job} unsaved={job.topUp.unsaved} /> : null}
          {job.result?.refused?.length ? (
            <RefusedNote job={job} refused={job.result.refused} />
          ) : null}
        </>
      );
    case 'failed':
      return job.error ? <JobError job={job} error={job.error} /> : null;
    case 'interrupted':
      return <JobInterrupted job={job} />;
    case 'cancelled':
      return (
        <div className="job-outcome job-outcome--row">
          <span>Cancelled. Nothing was saved.</span>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => rerunJob(job.id)}
          >
            Run again
          </button>
        </div>
      );
    default:
      return null;
  }
}

/**
 * Some images of the answer were refused at arrival; the others are saved. Try again asks
 * only for the missing ones, which join this card.
 */
function RefusedNote({ job, refused }: { job: ImageJob; refused: RefusedImage[] }) {
  const total = (job.result?.images.length ?? 0) + refused.length;
  const kept = total - refused.length;
  const asking = job.topUp?.running === true;
  const missing =
    refused.length === 1 ? 'the missing image' : `the ${refused.length} missing images`;
  return (
    <div className="callout callout--warning" role="alert">
      <div className="callout__body">
        <p className="callout__title">
          {job.providerName} sent {refused.length === 1 ? 'an image' : `${refused.length} images`}{' '}
          Easel cannot use.
        </p>
        <p>
          {refused.map((image) => refusedSentence(image, total)).join(' ')}{' '}
          {refused.length === 1 ? 'It was' : 'They were'} not saved; the other{' '}
          {kept === 1 ? 'image is' : `${kept} are`}. Try again asks for {missing} only; choose
          another model if it happens again.
        </p>
        {asking ? <p role="status">Asking for {missing}…</p> : null}
        {job.topUp?.error ? <p>{job.topUp.error}</p> : null}
      </div>
      <button
        type="button"
        className="button button--small job-outcome__action"
        disabled={asking || job.topUp?.unsaved !== undefined}
        onClick={() => void topUpRefused(job.id)}
      >
        Try again
      </button>
    </div>
  );
}

/** The images asked again came, are on the card, but the gallery could not store them. */
function TopUpUnsaved({ job, unsaved }: { job: ImageJob; unsaved: NonNullable<TopUp['unsaved']> }) {
  const count = unsaved.result.images.length;
  return (
    <div className="callout callout--warning" role="alert">
      <div className="callout__body">
        <p className="callout__title">{unsaved.message}</p>
        <p>
          {unsaved.action}{' '}
          {count === 1 ? 'The image asked again stays' : `The ${count} images asked again stay`}{' '}
          here until you remove them.
        </p>
      </div>
      <button
        type="button"
        className="button button--small job-outcome__action"
        disabled={job.topUp?.running === true}
        onClick={() => void saveTopUp(job.id)}
      >
        Try saving again
      </button>
    </div>
  );
}
