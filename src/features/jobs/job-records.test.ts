import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Provider } from '../../api/provider.ts';

vi.stubGlobal('localStorage', {
  getItem: () => null,
  setItem: () => undefined,
  removeItem: () => undefined,
});

const { galleryDb } = await import('../gallery-store/gallery-db.ts');
const { useJobStore } = await import('./job-store.ts');
const { runImageJob, cancelJob } = await import('./run-image-job.ts');
const { restoreInterruptedJobs } = await import('./restore-interrupted-jobs.ts');

const local: Provider = { kind: 'local', name: 'Local engine', baseUrl: '', apiKey: '' };
const params = { model: 'dall-e-2', prompt: 'a fox in the snow', n: 1, size: '256x256' };
const source = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
const mask = new Blob([new Uint8Array([4, 5])], { type: 'image/png' });

afterEach(async () => {
  useJobStore.setState({ jobs: [], handles: {} });
  await galleryDb.jobs.clear();
});

describe('job records: a request in flight survives the page', () => {
  it('is recorded, inputs included, before it is sent', async () => {
    let recordedWhenSent: unknown;
    const { id } = runImageJob({
      operation: 'edit',
      params,
      provider: local,
      inputs: { images: [source], mask },
      request: async () => {
        recordedWhenSent = await galleryDb.jobs.get(id);
        return new Promise(() => undefined);
      },
    });
    await vi.waitFor(() => expect(recordedWhenSent).toBeDefined(), { timeout: 5_000 });
    expect(recordedWhenSent).toMatchObject({ id, operation: 'edit', prompt: 'a fox in the snow' });
    const stored = (await galleryDb.jobs.get(id)) as { inputs?: { images: Blob[]; mask?: Blob } };
    expect(stored.inputs?.images[0]?.size).toBe(3);
    expect(stored.inputs?.mask?.size).toBe(2);
    cancelJob(id);
  });

  it('comes back after a reload as interrupted, with prompt, settings and files', async () => {
    const { id } = runImageJob({
      operation: 'edit',
      params,
      provider: local,
      inputs: { images: [source], mask },
      request: () => new Promise(() => undefined),
    });
    await vi.waitFor(async () => expect(await galleryDb.jobs.get(id)).toBeDefined());
    // The reload: this page's jobs are gone, the database is what is left.
    useJobStore.setState({ jobs: [], handles: {} });
    restoreInterruptedJobs();
    await vi.waitFor(() => expect(useJobStore.getState().jobs).toHaveLength(1));
    const [job] = useJobStore.getState().jobs;
    expect(job).toMatchObject({ id, status: 'interrupted', params, prompt: 'a fox in the snow' });
    expect(job?.inputs?.mask?.size).toBe(2);
    expect(useJobStore.getState().handles[id]).toBeUndefined();
  });

  it('comes back saying whether it may have been charged: not on the free local engine', async () => {
    const { interruptedNote } = await import('./interrupted-note.ts');
    const openai: Provider = { kind: 'openai', name: 'OpenAI', baseUrl: '', apiKey: 'k' };
    const ids: string[] = [];
    for (const provider of [local, openai]) {
      const { id } = runImageJob({
        operation: 'generate',
        params,
        provider,
        // Ends when cancelled, so it frees its provider slot for the tests after it.
        request: (_to, { signal }) =>
          new Promise((_resolve, reject) => signal.addEventListener('abort', reject)),
      });
      ids.push(id);
    }
    await vi.waitFor(async () => expect(await galleryDb.jobs.count()).toBe(2));
    // What a reload reads back (restoreInterruptedJobs runs once per page: used above).
    const { interruptedRecords } = await import('./job-records.ts');
    const notes = Object.fromEntries(
      (await interruptedRecords()).map((record) => [record.providerName, interruptedNote(record)]),
    );
    expect(notes['Local engine']).not.toMatch(/charged this request/);
    expect(notes['Local engine']).toMatch(/charges nothing/);
    expect(notes['OpenAI']).toMatch(/the provider may have charged this request/);
    for (const id of ids) cancelJob(id);
  });

  it('is forgotten when the job fails or is cancelled', async () => {
    const { finished } = runImageJob({
      operation: 'generate',
      params,
      provider: local,
      request: () => Promise.reject(new Error('refused')),
    });
    await finished;
    await vi.waitFor(async () => expect(await galleryDb.jobs.count()).toBe(0));
  });
});
