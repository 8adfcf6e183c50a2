import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorFromResponse } from './error-from-response.ts';
import { ImagesApiError, networkError, type ApiErrorBody } from './errors.ts';
import type { Provider } from './provider.ts';
import { MAX_RETRY_WAIT_MS, withRetries, type RetryNotice } from './retry.ts';

const provider: Provider = {
  kind: 'openai',
  name: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1',
  apiKey: 'k',
};
const ctx = { provider, model: 'gpt-image-1' as const, operation: 'generate' as const };
const httpError = (status: number, body?: ApiErrorBody, headers: Record<string, string> = {}) =>
  errorFromResponse(status, body, new Headers(headers), ctx);

/** A request that fails with the given errors in turn, then succeeds. */
function flaky(errors: ImagesApiError[]) {
  const calls: number[] = [];
  const request = vi.fn(async () => {
    calls.push(Date.now());
    const next = errors.shift();
    if (next) throw next;
    return 'images';
  });
  return { request, calls };
}

describe('withRetries (fake clock)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  const run = (
    request: () => Promise<string>,
    notices: RetryNotice[],
    signal = new AbortController().signal,
  ) => withRetries(request, { signal, onRetry: (n) => notices.push(n), random: () => 0 });

  it('retries a 429 after exactly the Retry-After wait, and reports the retry first', async () => {
    const { request, calls } = flaky([
      httpError(429, { code: 'rate_limit_exceeded' }, { 'retry-after': '3' }),
    ]);
    const notices: RetryNotice[] = [];
    const result = run(request, notices);
    await vi.advanceTimersByTimeAsync(2999);
    expect(request).toHaveBeenCalledTimes(1);
    expect(notices).toEqual([
      expect.objectContaining({ attempt: 1, maxRetries: 2, delayMs: 3000, fromRetryAfter: true }),
    ]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('images');
    expect(calls).toEqual([0, 3000]);
  });

  it('retries a 500 twice with 1 s then 2 s backoff, then succeeds', async () => {
    const { request, calls } = flaky([httpError(500), httpError(500)]);
    const notices: RetryNotice[] = [];
    const result = run(request, notices);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(result).resolves.toBe('images');
    expect(calls).toEqual([0, 1000, 3000]);
    expect(notices.map((n) => [n.attempt, n.delayMs, n.error.status])).toEqual([
      [1, 1000, 500],
      [2, 2000, 500],
    ]);
  });

  it('gives up after two retries and throws the last error', async () => {
    const { request } = flaky([httpError(503), httpError(503), httpError(502)]);
    const notices: RetryNotice[] = [];
    const result = run(request, notices);
    const assertion = expect(result).rejects.toMatchObject({ kind: 'server', status: 502 });
    await vi.advanceTimersByTimeAsync(10_000);
    await assertion;
    expect(request).toHaveBeenCalledTimes(3);
    expect(notices).toHaveLength(2);
  });

  it.each([
    [
      'insufficient_quota (a 429 that waiting cannot fix)',
      httpError(429, { code: 'insufficient_quota' }),
    ],
    [
      'a safety refusal',
      httpError(400, { code: 'content_policy_violation', message: 'safety system' }),
    ],
    ['a bad request', httpError(400, { param: 'size', message: 'bad size' })],
    ['a bad key', httpError(401, { code: 'invalid_api_key' })],
    ['a network failure', networkError(ctx, new TypeError('Failed to fetch'))],
  ])('never retries %s', async (_, error) => {
    const { request } = flaky([error]);
    const notices: RetryNotice[] = [];
    await expect(run(request, notices)).rejects.toBe(error);
    expect(request).toHaveBeenCalledTimes(1);
    expect(notices).toEqual([]);
  });

  it(`does not wait out a Retry-After longer than ${MAX_RETRY_WAIT_MS / 1000} s: the user sees the wait instead`, async () => {
    const error = httpError(429, { code: 'rate_limit_exceeded' }, { 'retry-after': '600' });
    const { request } = flaky([error]);
    const notices: RetryNotice[] = [];
    await expect(run(request, notices)).rejects.toMatchObject({
      kind: 'rate_limit',
      retryAfterSeconds: 600,
    });
    expect(notices).toEqual([]);
  });

  it('cancelling during the wait stops at once, without another request', async () => {
    const { request } = flaky([httpError(429, {}, { 'retry-after': '5' })]);
    const controller = new AbortController();
    const result = run(request, [], controller.signal);
    const assertion = expect(result).rejects.toMatchObject({ kind: 'aborted' });
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    await assertion;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('jitter only ever lengthens the backoff, by at most a fifth', async () => {
    const { request, calls } = flaky([httpError(500)]);
    const result = withRetries(request, { signal: new AbortController().signal, random: () => 1 });
    await vi.advanceTimersByTimeAsync(2000);
    await expect(result).resolves.toBe('images');
    expect(calls).toEqual([0, 1200]);
  });
});
