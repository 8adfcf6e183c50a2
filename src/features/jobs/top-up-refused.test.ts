import { describe, expect, it, vi } from 'vitest';
import type { ImageJobResult } from '../../api/image-result.ts';
import type { Provider } from '../../api/provider.ts';
import type { ImageRequestOptions } from '../../api/run-image-request.ts';

// The provider store persists to localStorage, which node lacks.
vi.stubGlobal('localStorage', {
  getItem: () => null,
  setItem: () => undefined,
  removeItem: () => undefined,
});

const { useJobStore } = await import('./job-store.ts');
const { runImageJob } = await import('./run-image-job.ts');
const { saveTopUp, topUpRefused } = await import('./top-up-refused.ts');

const local: Provider = { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' };
const image = (name: string) => ({
  bytes: new Blob([name], { type: 'image/png' }),
  width: 1024,
  height: 1024,
});
const answer = (images: string[], refused: number[] = []): ImageJobResult => ({
  operation: 'generate',
  model: 'gpt-image-1',
  prompt: 'three kites',
  params: { model: 'gpt-image-1', prompt: 'three kites', n: 3 },
  provider: { name: 'Local engine', kind: 'local' },
  images: images.map(image),
  ...(refused.length ? { refused: refused.map((index) => ({ index, problem: 'HTML' })) } : {}),
  createdAt: 1,
  durationMs: 5,
});

describe('topUpRefused', () => {
  it('asks only for the refused images and adds them to the same job', async () => {
    const asked: (number | undefined)[] = [];
    const answers = [answer(['a'], [1, 2]), answer(['b', 'c'])];
    let entry = 0;
    const { id, finished } = runImageJob(
      {
        operation: 'generate',
        params: { model: 'gpt-image-1', prompt: 'three kites', n: 3 },
        provider: local,
        request: async (_to, options: ImageRequestOptions) => {
          asked.push(options.count);
          return answers.shift()!;
        },
      },
      async (result) => result.images.map(() => ({ id: `entry-${++entry}` })),
    );
    await finished;
    await topUpRefused(id);

    const job = useJobStore.getState().jobs.find((j) => j.id === id)!;
    expect(asked).toEqual([undefined, 2]);
    expect(useJobStore.getState().jobs).toHaveLength(1);
    expect(await Promise.all(job.result!.images.map((i) => i.bytes!.text()))).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(job.result?.refused).toBeUndefined();
    expect(job.entryIds).toEqual(['entry-1', 'entry-2', 'entry-3']);
    expect(job.topUp).toBeUndefined();
  });

  it('keeps images asked again on the card when the gallery cannot store them', async () => {
    const answers = [answer(['a'], [1]), answer(['b'])];
    let entry = 0;
    let diskFull = false;
    const { id, finished } = runImageJob(
      {
        operation: 'generate',
        params: { model: 'gpt-image-1', prompt: 'three kites', n: 2 },
        provider: local,
        request: async () => answers.shift()!,
      },
      async (result) => {
        if (diskFull)
          throw Object.assign(new Error('The disk is full.'), { action: 'Free space.' });
        return result.images.map(() => ({ id: `entry-${++entry}` }));
      },
    );
    await finished;
    diskFull = true;
    await topUpRefused(id);

    const job = () => useJobStore.getState().jobs.find((j) => j.id === id)!;
    const shown = async () => Promise.all(job().result!.images.map((i) => i.bytes!.text()));
    expect(await shown()).toEqual(['a', 'b']);
    expect(job().entryIds).toEqual(['entry-1']);
    expect(job().topUp?.unsaved?.message).toBe('The disk is full.');

    // Try saving again, room made: stored once, not shown twice.
    diskFull = false;
    await saveTopUp(id);
    expect(await shown()).toEqual(['a', 'b']);
    expect(job().entryIds).toEqual(['entry-1', 'entry-2']);
    expect(job().topUp).toBeUndefined();
  });
});
