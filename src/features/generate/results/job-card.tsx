import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { applySettings } from '../../prompt/apply-settings.ts';
import { parseSize } from '../../../api/image-size.ts';
import type { ImageJob } from '../../jobs/job-store.ts';
import { CancelJobButton, DismissJobButton } from '../../jobs/job-buttons.tsx';
import { JobOutcome } from '../../jobs/job-outcome.tsx';
import { startLikeThis } from '../../jobs/start-variations.ts';
import { useLikeThisMode } from '../../jobs/use-like-this-mode.ts';
import { openInEditor } from '../../editor/open-in-editor.ts';
import { downloadName } from './download-name.ts';
import { LazyImageViewer } from '../../viewer/lazy-image-viewer.tsx';
import { resultViewerImages } from './result-viewer-images.ts';
import { describeSettings } from './job-meta.ts';
import { jobCost } from '../../jobs/job-cost.ts';
import { useDeletedResults } from '../../jobs/deleted-results.ts';
import { watchDeletedResults } from '../../jobs/watch-deleted-results.ts';
import './job-cost.css';
import { JobStatus } from '../../jobs/job-status.tsx';
import { PendingTile } from './pending-tile.tsx';
import { ResultTile } from './result-tile.tsx';
import { ImageLayout } from './image-layout.tsx';

const TITLES = { generate: 'Generation', edit: 'Edit', variation: 'Variations' } as const;

interface JobCardProps {
  job: ImageJob;
  /** The newest job: its first image fills the card. */
  featured: boolean;
  onCopied: (message: string) => void;
}

/**
 * One request in the queue: its prompt and settings, its state, and its images. Memoised: a
 * change to one job (a partial frame, its result saved) redraws that card, not the session's.
 */
export const JobCard = memo(function JobCard({ job, featured, onCopied }: JobCardProps) {
  const [viewing, setViewing] = useState<number | null>(null);
  const params = job.result?.params ?? job.params;
  const n = typeof job.params.n === 'number' ? job.params.n : 1;
  // Saved before shown: while the bytes are written to the gallery, the tiles keep waiting.
  const saving = job.status === 'saving';
  // Images deleted from the gallery since are left out, as a reload leaves them out.
  useEffect(watchDeletedResults, []);
  const missing = useDeletedResults((s) => s.missing);
  const kept = (saving ? [] : (job.result?.images ?? [])).flatMap((image, i) => {
    const entryId = job.entryIds?.[i];
    return entryId && missing.has(entryId) ? [] : [{ image, entryId }];
  });
  const images = kept.map(({ image }) => image);
  const pending = saving
    ? (job.result?.images.length ?? 0)
    : job.status === 'running' || job.status === 'queued'
      ? n
      : 0;
  const requested = parseSize(String(params.size ?? ''));
  const aspect = requested ? requested.width / requested.height : 1;
  const draftOperation = job.operation === 'edit' ? 'edit' : 'generate';
  const cost = jobCost(job);
  const likeThis = useLikeThisMode();
  const headline =
    job.prompt ||
    (job.operation === 'variation' ? 'Variations of an image' : TITLES[job.operation]);

  // A button with the focus can leave with the state it belongs to (Cancel as the job ends):
  // the focus then falls to the page, and a keyboard user loses their place. The card takes
  // it instead, so Tab goes on from the job.
  const card = useRef<HTMLElement>(null);
  const focused = useRef<Element | null>(null);
  useLayoutEffect(() => {
    const lost = focused.current;
    if (lost && !lost.isConnected && document.activeElement === document.body) {
      card.current?.focus({ preventScroll: true });
    }
  }, [job.status]);

  return (
    <article
      ref={card}
      tabIndex={-1}
      data-job-id={job.id}
      onFocus={(e) => {
        focused.current = e.target;
      }}
      // Focus moved on by the designer (a removed element fires no blur) is theirs to keep.
      onBlur={() => {
        focused.current = null;
      }}
      className={`job job--${job.status}`}
      aria-label={`${TITLES[job.operation]}: ${headline}`}
    >
      <header className="job__header">
        <div className="job__text">
          <p className="job__prompt">{headline}</p>
          <p className="job__meta">
            {describeSettings(params, job.servedModel).join(' · ')} · {job.providerName}
          </p>
          {cost ? (
            <p className="job__cost" title={cost.basis}>
              {cost.total}
            </p>
          ) : null}
        </div>
        <div className="job__side">
          <JobStatus job={job} />
          <div className="job__actions">
            <CancelJobButton job={job} />
            {job.prompt ? (
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() =>
                  navigator.clipboard.writeText(job.prompt).then(
                    () => onCopied('Prompt copied.'),
                    () =>
                      onCopied('The browser did not allow copying; select the prompt and copy it.'),
                  )
                }
              >
                Copy prompt
              </button>
            ) : null}
            {job.operation !== 'variation' ? (
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => {
                  applySettings(draftOperation, params);
                  onCopied('Prompt and settings loaded into the panel.');
                }}
              >
                Reuse settings
              </button>
            ) : null}
            {/* Cancel goes on the left as the job ends, and Remove comes in its kept room on
                the right: the buttons between them stay where the pointer may be. */}
            <DismissJobButton job={job} keepRoom />
          </div>
        </div>
      </header>

      {pending > 0 ? (
        <ImageLayout
          featured={featured}
          aspects={Array.from({ length: pending }, (_, i) =>
            saving ? aspectOf(job.result?.images[i], aspect) : aspect,
          )}
          render={(i) => (
            <PendingTile
              key={i}
              aspect={saving ? aspectOf(job.result?.images[i], aspect) : aspect}
              partial={job.partials[i]}
              label={
                saving
                  ? `Image ${i + 1}: saving to the gallery`
                  : job.partials[i]
                    ? `Image ${i + 1}: partial frame`
                    : `Image ${i + 1}: waiting`
              }
            />
          )}
        />
      ) : null}

      {images.length > 0 ? (
        <ImageLayout
          featured={featured}
          aspects={images.map((image) => image.width / image.height)}
          render={(i) => {
            const image = images[i]!;
            return (
              <ResultTile
                key={i}
                image={image}
                index={i}
                count={images.length}
                prompt={job.prompt}
                // One image's share is the job's total, already in the header: said once.
                cost={
                  cost && images.length > 1 ? { text: cost.each, title: cost.basis } : undefined
                }
                actions={{
                  onOpen: () => setViewing(i),
                  onSendToEditor: image.bytes
                    ? () =>
                        void openInEditor({
                          image: image.bytes!,
                          name: downloadName(job.prompt, i, images.length, image.bytes!.type),
                          ...(kept[i]?.entryId ? { parentId: kept[i].entryId } : {}),
                        })
                    : undefined,
                  likeThisLabel: likeThis?.label,
                  onMakeVariations:
                    image.bytes && likeThis
                      ? () =>
                          void startLikeThis(image.bytes!, {
                            width: image.width,
                            height: image.height,
                            prompt: job.prompt,
                            parentId: kept[i]?.entryId,
                          }).catch((error: unknown) =>
                            onCopied(error instanceof Error ? error.message : String(error)),
                          )
                      : undefined,
                }}
              />
            );
          }}
        />
      ) : null}

      <JobOutcome job={job} />

      <LazyImageViewer
        images={resultViewerImages(job.id, images, job.prompt)}
        index={viewing}
        onIndexChange={setViewing}
      />
    </article>
  );
});

function aspectOf(image: { width: number; height: number } | undefined, fallback: number) {
  return image && image.width > 0 && image.height > 0 ? image.width / image.height : fallback;
}
