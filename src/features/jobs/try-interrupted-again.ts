/**
 * Try again on a job the page was closed or reloaded on (restore-interrupted-jobs.ts brings
 * it back): sends the same request again on the provider as it is set now. Loaded with the
 * interrupted job's card, not at start-up: it brings the whole request path with it.
 */
import { editImage } from '../../api/edit-image.ts';
import { generateImages } from '../../api/generate-images.ts';
import { getActiveProvider } from '../providers/provider-store.ts';
import { editResend } from './edit-resend.ts';
import { jobById, useJobStore, type ImageJob, type ImageJobSpec } from './job-store.ts';
import { runImageJob } from './run-image-job.ts';
import { startLikeThis } from './start-variations.ts';

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
