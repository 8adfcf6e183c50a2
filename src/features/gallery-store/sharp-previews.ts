/**
 * Pictures sharper than the stored thumbnail, for gallery tiles drawn larger than it (a
 * Large tile on a 2x screen covers ~670 device pixels; a thumbnail has 384). Each is made
 * from the stored image in the thumbnail worker, resized there to the tile's own size, and
 * kept by no one but the tile's canvas: it goes when the tile does.
 *
 * Requests queue here, a couple at a time: a full image's decode takes a worker tens of
 * milliseconds (a 4K one, ~64 MB while it lasts), and a screen of tiles asks at once. A tile
 * that scrolls away before its turn cancels, and costs nothing.
 */
import { readImage } from './gallery-reads.ts';
import { makePreview } from './make-thumbnail.ts';

/** Previews being made at once: two decodes overlap the reads, memory stays bounded. */
const LANES = 2;

export interface PreviewSize {
  width: number;
  height: number;
}

export interface PreviewRequest {
  /** The picture, or null once cancelled. Rejects when the image cannot be read or decoded. */
  bitmap: Promise<ImageBitmap | null>;
  cancel(): void;
}

interface Job {
  id: string;
  size: PreviewSize;
  cancelled: boolean;
  resolve: (bitmap: ImageBitmap | null) => void;
  reject: (error: unknown) => void;
}

const waiting: Job[] = [];
let running = 0;

async function run(job: Job) {
  running++;
  try {
    const image = await readImage(job.id);
    const bitmap = job.cancelled ? null : await makePreview(image, job.size.width, job.size.height);
    if (job.cancelled) bitmap?.close();
    job.resolve(job.cancelled ? null : bitmap);
  } catch (error) {
    job.reject(error);
  } finally {
    running--;
    next();
  }
}

function next() {
  while (running < LANES) {
    const job = waiting.shift();
    if (!job) return;
    void run(job);
  }
}

/** Asks for entry `id`'s image at `size`; cancel() when the tile no longer wants it. */
export function requestSharpPreview(id: string, size: PreviewSize): PreviewRequest {
  let job!: Job;
  const bitmap = new Promise<ImageBitmap | null>((resolve, reject) => {
    job = { id, size, cancelled: false, resolve, reject };
  });
  waiting.push(job);
  next();
  return {
    bitmap,
    cancel() {
      if (job.cancelled) return;
      job.cancelled = true;
      const queued = waiting.indexOf(job);
      if (queued >= 0) {
        waiting.splice(queued, 1);
        job.resolve(null);
      }
    },
  };
}
