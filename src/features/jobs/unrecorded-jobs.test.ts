import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImageJobResult } from '../../api/image-result.ts';
import type { Provider } from '../../api/provider.ts';

// The page: its localStorage (kept across the "reload") and its pagehide/pageshow events.
const storage = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (key: string) => storage.get(key) ?? null,
  setItem: (key: string, value: string) => void storage.set(key, value),
  removeItem: (key: string) => void storage.delete(key),
});
const page = new EventTarget();
vi.stubGlobal('addEventListener', page.addEventListener.bind(page));

const { galleryDb } = await import('../gallery-store/gallery-db.ts');
const { useJobStore } = await import('./job-store.ts');
const { runImageJob, cancelJob } = await import('./run-image-job.ts');
const { interruptedRecords, forgetJob } = await import('./job-records.ts');
const { hasUnrecordedJobs } = await import('./unrecorded-jobs.ts');

const local: Provider = { kind: 'local', name: 'Local engine', baseUrl: '', apiKey: '' };
const params = { model: 'gpt-image-1' as const, prompt: 'a kite at noon', n: 1 };
const result: ImageJobResult = {
  operation: 'generate',
  model: 'gpt-image-1',
  prompt: 'a kite at noon',
  params,
  provider: { name: 'Local engine', kind: 'local' },
  images: [{ bytes: new Blob(['x'], { type: 'image/png' }), width: 1024, height: 1024 }],
  createdAt: 1,
  durationMs: 5,
};

afterEach(async () => {
  useJobStore.setState({ jobs: [], handles: {} });
  storage.clear();
  await galleryDb.jobs.clear();
});

describe('a generation is sent while its record is written', () => {
  it('leaves before its record is in the database, and its images are saved only after it', async () => {
    const events: string[] = [];
    const recorded = (id: string) => galleryDb.jobs.get(id).then((row) => row !== undefined);
    let id = '';
    ({ id } = runImageJob(
      {
        operation: 'generate',
        params,
        provider: local,
        request: async () => {
          events.push(`sent, recorded: ${await recorded(id)}`);
          return result;
        },
      },
      async () => {
        events.push(`saved, recorded: ${await recorded(id)}`);
        return [{ id: 'entry-1' }];
      },
    ));
    await vi.waitFor(() => expect(events).toHaveLength(2), { timeout: 5_000 });
    expect(events).toEqual(['sent, recorded: false', 'saved, recorded: true']);
  });

  it('a page leaving before the record is written keeps it: the next page shows it interrupted', async () => {
    let sent!: () => void;
    const sending = new Promise<void>((resolve) => (sent = resolve));
    const { id } = runImageJob({
      operation: 'generate',
      params,
      provider: local,
      request: () => {
        sent();
        return new Promise(() => undefined);
      },
    });
    await sending;
    // The reload comes now, in the moment between sending and the record's commit.
    page.dispatchEvent(new Event('pagehide'));
    cancelJob(id);
    await vi.waitFor(async () => expect(await galleryDb.jobs.count()).toBe(0));

    expect(hasUnrecordedJobs()).toBe(true);
    const [record] = await interruptedRecords();
    expect(record).toMatchObject({ id, operation: 'generate', prompt: 'a kite at noon', params });
    // Try again or Dismiss forgets it for good.
    await forgetJob(id);
    expect(hasUnrecordedJobs()).toBe(false);
    expect(await interruptedRecords()).toEqual([]);
  });

  it('keeps nothing for a job whose record was written, nor for one that ended', async () => {
    const { id, finished } = runImageJob(
      { operation: 'generate', params, provider: local, request: async () => result },
      async () => [{ id: 'entry-1' }],
    );
    const running = runImageJob({
      operation: 'generate',
      params,
      provider: local,
      request: () => new Promise(() => undefined),
    });
    await finished;
    await vi.waitFor(async () => expect(await galleryDb.jobs.get(running.id)).toBeDefined());
    page.dispatchEvent(new Event('pagehide'));
    expect(hasUnrecordedJobs()).toBe(false);
    // The ended job's record is forgotten after it ends (this save, unlike the gallery's, did
    // not delete it in its own transaction).
    await vi.waitFor(async () =>
      expect((await interruptedRecords()).map((r) => r.id)).toEqual([running.id]),
    );
    expect(id).not.toBe(running.id);
    cancelJob(running.id);
  });
});
