import { jobCost } from '../../jobs/job-cost.ts';
import { useJobStore } from '../../jobs/job-store.ts';

/**
 * What the edit shown in the compare view cost (on the local engine: what it would cost on
 * OpenAI), from its job; nothing once the job is gone (the gallery entry still says it).
 */
export function EditCost({ jobId }: { jobId: string }) {
  const job = useJobStore((s) => s.jobs.find((j) => j.id === jobId));
  const cost = job ? jobCost(job) : null;
  if (!cost) return null;
  return (
    <span className="compare__caption" title={cost.basis}>
      {cost.total}
    </span>
  );
}
