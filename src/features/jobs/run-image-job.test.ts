import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorFromResponse } from '../../api/error-from-response.ts';
import { ImagesApiError } from '../../api/errors.ts';
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
const { cancelJob, dismissJob, rerunJob, retrySave, runImageJob } =
  await import('./run-image-job.ts');
const { useProviderStore } = await import('../providers/provider-store.ts');

const local: Provider = { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' };
const params = { model: 'gpt-image-1' as const, prompt: 'a kite', n: 1 };
const result: ImageJobResult = {
  operation: 'generate',
  model: 'gpt-image-1',
  prompt: 'a kite',
  params: { model: 'gpt-image-1', prompt: 'a kite', n: 1 },
  provider: { name: 'Local engine', kind: 'local' },
  images: [{ bytes: new Blob(['x'], { type: 'image/png' }), width: 1024, height: 1024 }],
  createdAt: 1,
  durationMs: 5,
};
const job = (id: string) => useJobStore.getState().jobs.find((j) => j.id === id)!;
const saved = async () => [{ id: 'entry-1' }];

// A job is sent once its record is written, or after a short wait where no database is.
const SENT = { timeout: 5_000 };

describe('runImageJob', () => {
  beforeEach(() => useJobStore.setState({ jobs: [], handles: {} }));

  it('is "saving" once the images arrive and "done" only after they are stored', async () => {
    let store!: () => void;
    const storing = new Promise<void>((resolve) => (store = resolve));
    const { id, finished } = runImageJob(
      { operation: 'generate', params, provider: local, request: async () => result },
      async () => {
        await storing;
        return [{ id: 'entry-1' }];
      },
    );
    expect(job(id).status).toBe('running');
    await vi.waitFor(() => expect(job(id).status).toBe('saving'), SENT);
    expect(job(id).result).toBe(result);
    store();
    await expect(finished).resolves.toMatchObject({ status: 'done', entryIds: ['entry-1'] });
  });

  it('goes straight from running to done when the save is quick: no "Saving…" flash', async () => {
    const statuses: string[] = [];
    const unsubscribe = useJobStore.subscribe((state) => {
      const status = state.jobs[0]?.status;
      if (status && statuses.at(-1) !== status) statuses.push(status);
    });
    const { finished } = runImageJob(
      { operation: 'generate', params, provider: local, request: async () => result },
      saved,
    );
    const ended = await finished;
    unsubscribe();
    expect(ended).toMatchObject({ status: 'done', result, entryIds: ['entry-1'] });
    expect(ended.endedAt).toBeGreaterThan(0);
    expect(statuses).toEqual(['running', 'done']);
  });

  it('shows retries and partial frames while running', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const error = errorFromResponse(429, { code: 'rate_limit_exceeded' }, new Headers(), {
      provider: local,
      model: 'gpt-image-1',
      operation: 'generate',
    });
    const { id, finished } = runImageJob(
      {
        operation: 'generate',
        params,
        provider: local,
        request: async (_, options: ImageRequestOptions) => {
          options.onRetry?.({
            attempt: 1,
            maxRetries: 2,
            delayMs: 2000,
            fromRetryAfter: true,
            error,
          });
          options.onPartialImage?.({ image: new Blob(['p']), partialIndex: 0, imageIndex: 0 });
          await gate;
          return result;
        },
      },
      saved,
    );
    await vi.waitFor(() => expect(job(id).partialCount).toBe(1), SENT);
    expect(job(id).partials).toHaveLength(1);
    release();
    await finished;
    expect(job(id).retry).toBeUndefined();
    // The frames have served their purpose once the images are saved; the count stays.
    expect(job(id).partials).toEqual([]);
    expect(job(id).partialCount).toBe(1);
  });

  it('reports a retry notice with its wait and reason', async () => {
    const error = errorFromResponse(503, undefined, new Headers(), {
      provider: local,
      model: 'gpt-image-1',
      operation: 'generate',
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { id, finished } = runImageJob(
      {
        operation: 'generate',
        params,
        provider: local,
        request: async (_, options) => {
          options.onRetry?.({
            attempt: 2,
            maxRetries: 2,
            delayMs: 1000,
            fromRetryAfter: false,
            error,
          });
          await gate;
          return result;
        },
      },
      saved,
    );
    await vi.waitFor(
      () => expect(job(id).retry).toMatchObject({ attempt: 2, maxRetries: 2, reason: error.title }),
      SENT,
    );
    release();
    await finished;
  });

  it('Cancel aborts the request signal and ends the job as cancelled', async () => {
    let signal!: AbortSignal;
    const { id, finished } = runImageJob(
      {
        operation: 'generate',
        params,
        provider: local,
        request: (_, options) => {
          signal = options.signal;
          return new Promise((_, reject) =>
            options.signal.addEventListener('abort', () =>
              reject(new DOMException('x', 'AbortError')),
            ),
          );
        },
      },
      saved,
    );
    await vi.waitFor(() => expect(signal).toBeDefined(), SENT);
    cancelJob(id);
    expect(signal.aborted).toBe(true);
    await expect(finished).resolves.toMatchObject({ status: 'cancelled' });
    expect(job(id).error?.kind).toBe('aborted');
  });

  it('a failed request keeps its typed error, as plain data the record can be stored with', async () => {
    const error = new ImagesApiError({
      kind: 'safety',
      title: 'Refused.',
      hint: 'Reword.',
      forward: { action: 'reword-prompt' },
    });
    const { finished } = runImageJob(
      {
        operation: 'generate',
        params,
        provider: local,
        request: async () => Promise.reject(error),
      },
      saved,
    );
    const ended = await finished;
    expect(ended).toMatchObject({
      status: 'failed',
      error: { kind: error.kind, title: error.title, hint: error.hint, forward: error.forward },
    });
    expect(Object.getPrototypeOf(ended.error)).toBe(Object.prototype);
  });

  it('when storing fails the images stay, with the gallery’s message, and can be stored again', async () => {
    const full = Object.assign(new Error('The gallery is full.'), { action: 'Free some space.' });
    const save = vi
      .fn()
      .mockRejectedValueOnce(full)
      .mockResolvedValueOnce([{ id: 'entry-9' }]);
    const { id, finished } = runImageJob(
      { operation: 'generate', params, provider: local, request: async () => result },
      save,
    );
    await expect(finished).resolves.toMatchObject({
      status: 'unsaved',
      result,
      saveError: { message: 'The gallery is full.', action: 'Free some space.' },
    });
    await retrySave(id);
    expect(job(id)).toMatchObject({ status: 'done', entryIds: ['entry-9'] });
  });

  it('Try again runs the request on the provider as it is set now', async () => {
    const seen: Provider[] = [];
    const request = vi.fn(async (provider: Provider) => {
      seen.push(provider);
      if (seen.length === 1)
        throw new ImagesApiError({
          kind: 'auth',
          title: 'Bad key',
          hint: '',
          forward: { action: 'open-provider-settings' },
        });
      return result;
    });
    const { id, finished } = runImageJob(
      { operation: 'generate', params, provider: local, request },
      saved,
    );
    await finished;
    useProviderStore.getState().setActive('openai');
    useProviderStore.getState().update('openai', { apiKey: 'sk-fixed' });
    const again = rerunJob(id)!;
    await vi.waitFor(() => expect(job(again).status).toBe('done'), SENT);
    expect(seen.map((p) => [p.kind, p.apiKey])).toEqual([
      ['local', ''],
      ['openai', 'sk-fixed'],
    ]);
  });

  it('"Try again" runs the same spec as a new job, marks the old one, and tells onRun of both runs', async () => {
    const runs: string[] = [];
    let calls = 0;
    const { id, finished } = runImageJob(
      {
        operation: 'edit',
        params,
        provider: local,
        request: async () => {
          if (calls++ === 0) throw new TypeError('Failed to fetch');
          return result;
        },
        onRun: (runId, outcome) => void outcome.then((j) => runs.push(`${runId}:${j.status}`)),
      },
      saved,
    );
    await finished;
    const again = rerunJob(id)!;
    expect(job(id).retriedAs).toBe(again);
    await vi.waitFor(() => expect(runs).toEqual([`${id}:failed`, `${again}:done`]), SENT);
  });

  it('a job is a plain record, its files included, that a structured clone keeps whole', async () => {
    const image = new Blob(['source'], { type: 'image/png' });
    const mask = new Blob(['mask'], { type: 'image/png' });
    const { finished } = runImageJob(
      {
        operation: 'edit',
        params,
        provider: local,
        inputs: { images: [image], mask },
        request: async () => result,
      },
      saved,
    );
    const ended = await finished;
    expect(ended.inputs).toEqual({ images: [image], mask });
    expect(structuredClone(ended)).toEqual(ended);
  });

  it('removing a job forgets it whole: its record, its files and how to run it again', async () => {
    const request = vi.fn(async () => result);
    const { id, finished } = runImageJob(
      {
        operation: 'edit',
        params,
        provider: local,
        inputs: { images: [new Blob(['source'])] },
        request,
      },
      saved,
    );
    await finished;
    expect(useJobStore.getState().handles[id]).toBeDefined();
    dismissJob(id);
    expect(useJobStore.getState().jobs).toEqual([]);
    expect(useJobStore.getState().handles).toEqual({});
    expect(rerunJob(id)).toBeNull();
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('a finished job keeps no AbortController; a running one is cancelled when removed', async () => {
    const { id: doneId, finished } = runImageJob(
      { operation: 'generate', params, provider: local, request: async () => result },
      saved,
    );
    await finished;
    expect(useJobStore.getState().handles[doneId]?.controller).toBeUndefined();
    let signal!: AbortSignal;
    const { id } = runImageJob(
      {
        operation: 'generate',
        params,
        provider: local,
        request: (_, options) => {
          signal = options.signal;
          return new Promise(() => undefined);
        },
      },
      saved,
    );
    // Sent once its record is written (or after a short wait when it cannot be).
    await vi.waitFor(() => expect(signal).toBeDefined(), SENT);
    dismissJob(id);
    expect(signal.aborted).toBe(true);
    expect(useJobStore.getState().handles[id]).toBeUndefined();
  });
});
