import { describe, expect, it } from 'vitest';
import { errorFromResponse } from './error-from-response.ts';
import { deadlineError } from './deadline.ts';
import {
  droppedError,
  invalidResponseError,
  isUnreachableError,
  networkError,
  redact,
  type ApiErrorBody,
} from './errors.ts';
import type { Provider } from './provider.ts';
import { refusedImagesError } from './refused-images.ts';
import { errorContext } from './error-context.test-support.ts';

const ctx = errorContext;
const map = (status: number, body: ApiErrorBody | undefined, headers = {}, c = ctx()) =>
  errorFromResponse(status, body, new Headers(headers), c);

describe('network failures', () => {
  it('a remote provider: explains what the base URL must allow (CORS)', () => {
    const error = networkError(ctx(), new TypeError('Failed to fetch'));
    expect(error.kind).toBe('network');
    expect(error.title).toBe('Could not reach https://api.openai.com.');
    expect(error.hint).toMatch(/Access-Control-Allow-Origin/);
    expect(error.hint).toMatch(/Authorization/);
  });

  it('the local engine: suggests restarting the server', () => {
    const local: Provider = { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' };
    const error = networkError(ctx({ provider: local }), new TypeError('Failed to fetch'));
    expect(error.title).toBe('Could not reach the local engine.');
    expect(error.hint).toMatch(/npm start/);
    // Shown as plain text on the card: no Markdown backticks; and what is kept is said.
    expect(error.hint).not.toMatch(/`/);
    expect(error.hint).toMatch(/your prompt and settings are kept/);
  });

  it('a request that never finished, or an unreadable answer, says what is kept for this request', () => {
    // A variation has no prompt: its picture and settings are what is kept.
    expect(deadlineError(ctx({ operation: 'variation' })).hint).toMatch(
      /the picture and settings are kept/,
    );
    expect(deadlineError(ctx({ operation: 'variation' })).hint).not.toMatch(/prompt/);
    expect(invalidResponseError(ctx(), 'The answer was not JSON.').hint).toMatch(
      /Nothing was saved; your prompt and settings are kept/,
    );
    // The local engine is Easel's own: it has no base URL to check.
    const local: Provider = { kind: 'local', name: 'Local engine', baseUrl: '/v1', apiKey: '' };
    expect(invalidResponseError(ctx({ provider: local }), 'x').hint).not.toMatch(/base URL/);
  });

  it('no answer at all quotes no browser words: "Failed to fetch" is not the provider\'s', () => {
    expect(networkError(ctx(), new TypeError('Failed to fetch')).detail).toBeUndefined();
  });

  it('a dropped connection quotes what went wrong, never the browser\'s bare "network error"', () => {
    // The card shows `detail` in quotes, as the provider's own words.
    expect(droppedError(ctx(), new TypeError('network error')).detail).toBeUndefined();
    expect(
      droppedError(ctx(), new Error('The stream ended before any image was completed.')).detail,
    ).toBe('The stream ended before any image was completed.');
  });

  it('a dropped connection says what is kept: the prompt and settings, or all the editor keeps', () => {
    expect(droppedError(ctx()).hint).toBe(
      'Check your connection and try again; your prompt and settings are kept.',
    );
    const edit = ctx({
      operation: 'edit',
      kept: 'your picture, painted mask, prompt and settings',
    });
    expect(droppedError(edit).hint).toBe(
      'Check your connection and try again; your picture, painted mask, prompt and settings are kept.',
    );
    expect(map(503, undefined, {}, edit).hint).toBe(
      'This is on their side. Try again in a moment; your picture, painted mask, prompt and settings are kept.',
    );
  });

  it('a failed variation says the picture and settings are kept: a variation has no prompt', () => {
    const variation = ctx({ operation: 'variation', model: 'dall-e-2' });
    expect(droppedError(variation).hint).toBe(
      'Check your connection and try again; the picture and settings are kept.',
    );
    expect(map(503, undefined, {}, variation).hint).toBe(
      'This is on their side. Try again in a moment; the picture and settings are kept.',
    );
    expect(refusedImagesError(variation, [{ index: 0, problem: 'empty' }], 1).hint).toMatch(
      /^Nothing was saved; the picture and settings are kept\./,
    );
  });

  it('tells "no answer at all" (the server may come back) from a connection that dropped', () => {
    expect(isUnreachableError(networkError(ctx(), new TypeError('Failed to fetch')))).toBe(true);
    expect(isUnreachableError(droppedError(ctx(), new TypeError('network error')))).toBe(false);
    expect(isUnreachableError(map(503, undefined))).toBe(false);
    expect(isUnreachableError(new TypeError('Failed to fetch'))).toBe(false);
  });
});

describe('redact', () => {
  it('redact hides the key and anything shaped like an OpenAI key', () => {
    expect(redact('key abc-LONGKEY-xyz was bad', 'abc-LONGKEY-xyz')).toBe(
      'key [key hidden] was bad',
    );
    expect(redact('Incorrect API key provided: sk-proj-****1234.')).toBe(
      'Incorrect API key provided: [key hidden]',
    );
  });
});
