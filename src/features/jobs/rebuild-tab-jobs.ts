/**
 * Rebuilds this tab's finished jobs after a reload from their gallery entries (tab-jobs.ts):
 * the prompt, settings and provider the entries recorded, and their images' bytes. An image
 * deleted from the gallery since is left out; a job with none left is not shown.
 */
import type { ImageJobResult, ResultImage } from '../../api/image-result.ts';
import type { GalleryEntry } from '../gallery-store/gallery-entry.ts';
import { getEntry, readImage } from '../gallery-store/gallery-reads.ts';
import type { ImageJob } from './job-store.ts';

/** What the tab remembers of a finished job: the rest is in its gallery entries. */
export interface TabJob {
  id: string;
  operation: ImageJob['operation'];
  view?: 'generate';
  entryIds: string[];
  providerOrigin: string;
  servedModel?: string;
  startedAt: number;
  endedAt?: number;
  retries: number;
}

async function readSaved(id: string): Promise<{ entry: GalleryEntry; image: ResultImage } | null> {
  try {
    const entry = await getEntry(id);
    const bytes = entry.remote ? null : await readImage(id);
    return {
      entry,
      image: {
        bytes,
        width: entry.width,
        height: entry.height,
        ...(entry.revisedPrompt ? { revisedPrompt: entry.revisedPrompt } : {}),
        ...(entry.remote ? { remote: entry.remote } : {}),
      },
    };
  } catch {
    return null;
  }
}

async function rebuild(saved: TabJob): Promise<ImageJob | null> {
  const read = await Promise.all(saved.entryIds.map(readSaved));
  const kept = read.filter((row) => row !== null);
  const first = kept[0]?.entry;
  if (!first) return null;
  const result: ImageJobResult = {
    operation: saved.operation,
    model: first.model,
    prompt: first.prompt,
    params: first.params,
    provider: first.provider,
    images: kept.map((row) => row.image),
    createdAt: first.createdAt,
    durationMs: first.durationMs,
    ...(first.usage ? { usage: first.usage } : {}),
    ...(first.parentId ? { parentId: first.parentId } : {}),
  };
  return {
    id: saved.id,
    operation: saved.operation,
    ...(saved.view ? { view: saved.view } : {}),
    prompt: first.prompt,
    params: first.params,
    ...(saved.servedModel ? { servedModel: saved.servedModel } : {}),
    providerName: first.provider.name,
    providerOrigin: saved.providerOrigin,
    startedAt: saved.startedAt,
    ...(saved.endedAt ? { endedAt: saved.endedAt } : {}),
    status: 'done',
    retries: saved.retries,
    partials: [],
    partialCount: 0,
    result,
    entryIds: kept.map((row) => row.entry.id),
    ...(first.parentId ? { parentId: first.parentId } : {}),
  };
}

export async function rebuildTabJobs(saved: readonly TabJob[]): Promise<ImageJob[]> {
  const jobs = await Promise.all(saved.map(rebuild));
  return jobs.filter((job) => job !== null);
}
