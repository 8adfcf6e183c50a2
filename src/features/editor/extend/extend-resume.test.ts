import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImageJob } from '../../jobs/job-store.ts';
import type { Rect } from '../mask/paint-canvas.ts';
import {
  extendStep,
  firstAnswer,
  framesStillKept,
  framesToMake,
  releaseStopped,
  resumeStopped,
  retryStarted,
  toStored,
  type StoppedExtend,
} from './extend-resume.ts';
import { resumedNote, stoppedMessage } from './stopped-words.ts';

// A 512² picture in the middle of a 2048×512 canvas, made in three 1536×512 frames: around
// the picture, then left, then right.
const original: Rect = { x: 768, y: 0, width: 512, height: 512 };
const frames: Rect[] = [
  { x: 256, y: 0, width: 1536, height: 512 },
  { x: 0, y: 0, width: 1536, height: 512 },
  { x: 512, y: 0, width: 1536, height: 512 },
];
const geometry = { width: 512, height: 512, originX: 0, originY: 0, scale: 1 };
/** The upload the frames were made on: the picture (its worker key) as prepared. */
const upload = { sourceKey: 'picture', geometry };

function stoppedAfter(made: number, entries: (string | undefined)[] = ['e1', 'e2']) {
  return {
    upload,
    canvas: { width: 2048, height: 512 },
    at: { x: 768, y: 0 },
    frames,
    made: frames.slice(0, made).map((frame, i) => ({
      frame,
      result: new Blob([`frame ${i}`]),
      ...(entries[i] ? { entryId: entries[i] } : {}),
      cost: null,
    })),
    before: null,
    durable: { key: 'stopped-extend:abc', sourceId: 'source', geometry },
  } satisfies StoppedExtend;
}

const job = (id: string, made = true) =>
  ({ id, ...(made ? { result: { images: [] } } : {}) }) as unknown as ImageJob;

afterEach(() => releaseStopped());

describe('an extend that stopped part-way goes on from the frames it made', () => {
  it('asks only for the missing frames, on the same upload and layout', () => {
    const stopped = stoppedAfter(1);
    const { canvas, at } = stopped;
    expect(framesToMake(stopped, upload, canvas, at, frames)).toEqual(frames.slice(1));
    // Another picture, placement or plan: every frame again.
    expect(framesToMake(stopped, { ...upload, sourceKey: 'other' }, canvas, at, frames)).toEqual(
      frames,
    );
    expect(framesToMake(stopped, upload, canvas, { x: 0, y: 0 }, frames)).toEqual(frames);
    expect(framesToMake(stopped, upload, canvas, at, frames.slice(0, 2))).toEqual(
      frames.slice(0, 2),
    );
  });

  it('goes on after the picture was prepared again the same way (a model with other upload limits picked and left): the frames made still fit it', () => {
    const stopped = stoppedAfter(1);
    const { canvas, at } = stopped;
    // Prepared again: a new upload object, the same picture framed and scaled the same way.
    const again = { sourceKey: 'picture', geometry: { ...geometry } };
    expect(framesToMake(stopped, again, canvas, at, frames)).toEqual(frames.slice(1));
    // Prepared another way (scaled down to fit a smaller upload): every frame again.
    const smaller = { sourceKey: 'picture', geometry: { ...geometry, scale: 0.5 } };
    expect(framesToMake(stopped, smaller, canvas, at, frames)).toEqual(frames);
  });

  it('is kept on disk as its layout and the gallery entries of its frames, not their bytes', () => {
    const row = toStored(stoppedAfter(2), 1000)!;
    expect(row).toEqual({
      id: 'stopped-extend:abc',
      sourceId: 'source',
      geometry,
      canvas: { width: 2048, height: 512 },
      at: { x: 768, y: 0 },
      frames,
      made: [
        { frame: frames[0], entryId: 'e1', cost: null },
        { frame: frames[1], entryId: 'e2', cost: null },
      ],
      savedAt: 1000,
    });
    expect(JSON.stringify(row)).not.toContain('frame 0');
  });

  it('keeps on disk only the frames up to the first the gallery could not store', () => {
    expect(toStored(stoppedAfter(2, ['e1', undefined]), 0)?.made).toHaveLength(1);
    expect(toStored(stoppedAfter(2, [undefined, 'e2']), 0)).toBeNull();
    expect(toStored({ ...stoppedAfter(1), durable: null }, 0)).toBeNull();
  });

  it('brought back, goes on from the frames still in the gallery; none once the picture is deleted', () => {
    const row = toStored(stoppedAfter(2), 0)!;
    expect(framesStillKept(row, new Set())).toHaveLength(2);
    expect(framesStillKept(row, new Set(['e2']))).toHaveLength(1);
    expect(framesStillKept(row, new Set(['e1']))).toHaveLength(0);
    expect(framesStillKept(row, new Set(['source']))).toHaveLength(0);
  });

  it('says what is kept and what is missing', () => {
    expect(resumedNote(frames, 1, original)).toBe(
      'An extend of this picture stopped part-way: the frame around the picture is kept in the gallery; the frames on the left and on the right are missing (left transparent).',
    );
    expect(stoppedMessage('Frame 2 failed.', frames, 1, original, { unsaved: 'Disk full' })).toBe(
      'Frame 2 failed. The frame around the picture is kept on the canvas and in the Edit results, but could not be saved to the gallery as one picture (Disk full): download it to keep it; each frame is in the gallery; the frames on the left and on the right are missing (left transparent).',
    );
    expect(resumedNote(frames, 2, original)).toContain(
      'the frame on the right is missing (left transparent).',
    );
  });

  it('says Extend makes only the missing frames while they are what is planned, and every frame once the plan changed (another model): as the estimate counts', () => {
    const stopped = stoppedAfter(1);
    const { canvas, at } = stopped;
    expect(extendStep(stopped, upload, canvas, at, frames)).toBe(
      'Press Extend to make only those frames, or Start over from the original.',
    );
    expect(extendStep(stoppedAfter(2), upload, canvas, at, frames)).toBe(
      'Press Extend to make only that frame, or Start over from the original.',
    );
    // GPT Image 1 plans four 768×512 frames on the same layout: none of them was made.
    const gpt1 = [256, 1024, 0, 1280].map((x) => ({ x, y: 0, width: 768, height: 512 }));
    expect(framesToMake(stopped, upload, canvas, at, gpt1)).toHaveLength(4);
    expect(extendStep(stopped, upload, canvas, at, gpt1)).toBe(
      'The frames made do not fit the frames planned now (another model, or the picture prepared another way): Extend makes all 4 frames again, from the original; the frames made stay in the gallery.',
    );
    // The picture prepared another way (another crop): every frame too.
    const cropped = { ...upload, geometry: { ...geometry, originX: 16 } };
    expect(extendStep(stopped, cropped, canvas, at, frames)).toContain(
      'Extend makes all 3 frames again, from the original;',
    );
    // A model that makes the canvas in one request.
    const whole = [{ x: 0, y: 0, width: 2048, height: 512 }];
    expect(extendStep(stopped, upload, canvas, at, whole)).toContain(
      'Extend makes the whole canvas again, from the original;',
    );
  });
});

describe('a failed frame’s Try again', () => {
  it('is the answer an Extend pressed meanwhile waits for, and goes on from once it comes', async () => {
    const stopped = stoppedAfter(1);
    resumeStopped(stopped);
    const goOn = vi.fn();
    let answer!: (job: ImageJob) => void;
    retryStarted(1, new Promise((resolve) => (answer = resolve)), goOn);
    const waited = firstAnswer(stopped);
    answer(job('retry'));
    await expect(waited).resolves.toMatchObject({ id: 'retry' });
    expect(goOn).toHaveBeenCalledWith(expect.objectContaining({ id: 'retry' }));
    // Its answer in, no retry is waited for any more.
    await expect(firstAnswer(stopped)).resolves.toBeNull();
  });

  it('is not waited for by an extend started over, nor gone on from once the extend moved on', async () => {
    const stopped = stoppedAfter(1);
    resumeStopped(stopped);
    const goOn = vi.fn();
    let answer!: (job: ImageJob) => void;
    retryStarted(1, new Promise((resolve) => (answer = resolve)), goOn);
    await expect(firstAnswer(null)).resolves.toBeNull();
    await expect(firstAnswer(stoppedAfter(1))).resolves.toBeNull();
    resumeStopped(stoppedAfter(2));
    answer(job('retry'));
    await Promise.resolve();
    await Promise.resolve();
    expect(goOn).not.toHaveBeenCalled();
  });

  it('given its answer already, that answer is the first frame’s', async () => {
    const stopped = stoppedAfter(1);
    await expect(firstAnswer(stopped, job('given'))).resolves.toMatchObject({ id: 'given' });
  });
});
