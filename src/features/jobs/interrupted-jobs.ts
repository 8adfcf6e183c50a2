/**
 * Jobs the page was closed or reloaded on (issue 16, item 2): their records (job-records.ts)
 * come back at start-up as interrupted jobs — prompt, settings, input images and mask kept —
 * and Try again sends the same request again on the provider as it is set now.
 */
import { editImage } from '../../api/edit-image.ts';
import { generateImages } from '../../api/generate-images.ts';
import { getActiveProvider } from '../providers/provider-store.ts';
import { editResend } from './edit-resend.ts';
import { jobById, useJobStore, type ImageJob, type ImageJobSpec } from './job-store.ts';
import { runImageJob } from './run-image-job.ts';
import { startLikeThis } from './start-variations.ts';

let restored = false;

/** Shows the jobs an earlier page left running, once per page. */
export function restoreInterruptedJobs(): void {
  if (restored) return;
  restored = true;
  void import('./job-records.ts')
    .then(({ interruptedRecords }) => interruptedRecords())
    .then((records) =>
      useJobStore.getState().restore(
        records.map((record) => ({
          ...record,
          status: 'interrupted' as const,
          retries: 0,
          partials: [],
          partialCount: 0,
        })),
      ),
    )
    .catch((error: unknown) => console.warn('Easel: interrupted jobs were not read', error));
}

/** Sends an interrupted job's request again; resolves with the new job's id (null: not sent). */
export async function tryInterruptedAgain(id: string): Promise<string | null> {
  const job = jobById(id);
  if (!job || job.status !== 'interrupted') return null;
  const rerun = await sendAgain(job);
  if (!rerun) return null;
  useJobStore.getState().patch(id, { retriedAs: rerun });
  // Tried again: the new job has its own record, the old one need not come back.
  const { forgetJob } = await import('./job-records.ts');
  await forgetJob(id).catch(() => undefined);
  return rerun;
}

async function sendAgain(job: ImageJob): Promise<string | null> {
  const source = job.inputs?.images[0];
  if (job.operation === 'variation') {
    if (!source) return null;
    // Variations prepare their square source again (asking crop or pad if need be).
    const bitmap = await createImageBitmap(source);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return startLikeThis(source, { ...size, parentId: job.parentId });
  }
  const provider = getActiveProvider();
  const { params, inputs } = job;
  const servedModel = provider.models?.some((m) => m.id === job.servedModel)
    ? job.servedModel
    : undefined;
  // An edit made in the editor goes back through it: composed back and in its strip.
  const editor = job.operation === 'edit' && inputs?.edit ? editResend() : null;
  if (editor) return editor(job, { provider, ...(servedModel ? { servedModel } : {}) });
  const spec: ImageJobSpec = {
    operation: job.operation,
    ...(job.view ? { view: job.view } : {}),
    params,
    provider,
    ...(servedModel ? { servedModel } : {}),
    ...(job.parentId ? { parentId: job.parentId } : {}),
    ...(inputs ? { inputs } : {}),
    request:
      job.operation === 'edit'
        ? (to, options) => editImage(to, params, inputs ?? { images: [] }, options)
        : (to, options) => generateImages(to, params, options),
  };
  if (job.operation === 'edit' && !source) return null;
  return runImageJob(spec).id;
}
