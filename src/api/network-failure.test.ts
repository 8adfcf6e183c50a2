import { describe, expect, it } from 'vitest';
import type { ErrorContext } from './errors.ts';
import { diagnosedNetworkError, REFUSED_BY_CORS, type NetworkFailure } from './network-failure.ts';
import type { Provider } from './provider.ts';

const compatible = (baseUrl: string): Provider => ({
  kind: 'compatible',
  name: 'Studio server',
  baseUrl,
  apiKey: '',
});
const openai: Provider = {
  kind: 'openai',
  name: 'OpenAI',
  baseUrl: 'https://api.openai.com/v1',
  apiKey: 'sk-test',
};
const ctx = (provider: Provider): ErrorContext => ({
  provider,
  model: 'gpt-image-1',
  operation: 'generate',
});
const failing = (failure: NetworkFailure) => () => Promise.resolve(failure);
const cause = new TypeError('Failed to fetch');

describe('diagnosedNetworkError: what the user is told when fetch() gets no answer', () => {
  it('every diagnosis says the prompt and settings are kept', async () => {
    for (const [provider, failure] of [
      [openai, 'no-answer'],
      [compatible('http://127.0.0.1:9/v1'), 'no-answer'],
      [compatible('https://images.example.invalid/v1'), 'no-answer'],
      [compatible('http://127.0.0.1:9/v1'), 'refused-by-cors'],
    ] as const) {
      const error = await diagnosedNetworkError(ctx(provider), cause, failing(failure));
      expect(error.hint).toMatch(/Your prompt and settings are kept\.$/);
      // A connection test has no prompt to keep.
      const test = await diagnosedNetworkError(
        { ...ctx(provider), kept: '' },
        cause,
        failing(failure),
      );
      expect(test.hint).not.toMatch(/kept/);
    }
  });

  it('offline says so, not CORS, and offers Try again', async () => {
    const error = await diagnosedNetworkError(ctx(openai), cause, failing('offline'));
    expect(error.title).toBe('No connection: this device is offline.');
    expect(`${error.title} ${error.hint}`).not.toMatch(/CORS/);
    expect(error.forward).toEqual({ action: 'try-again' });
  });

  it('a server that answers but refuses the page is a CORS refusal naming the header', async () => {
    const error = await diagnosedNetworkError(
      ctx(compatible('http://127.0.0.1:9999/v1')),
      cause,
      failing('refused-by-cors'),
    );
    expect(error.code).toBe(REFUSED_BY_CORS);
    expect(error.title).toContain('127.0.0.1:9999 answered, but does not allow requests');
    expect(error.hint).toContain('Access-Control-Allow-Origin');
  });

  it('OpenAI with no answer is a connection problem, never a CORS one', async () => {
    const error = await diagnosedNetworkError(ctx(openai), cause, failing('no-answer'));
    expect(error.title).toBe('No connection to api.openai.com.');
    expect(error.hint).not.toMatch(/CORS/);
    expect(error.code).toBe('unreachable');
  });

  it('an IP address with no answer means nothing listens; a name may not resolve', async () => {
    const byIp = await diagnosedNetworkError(
      ctx(compatible('http://127.0.0.1:9/v1')),
      cause,
      failing('no-answer'),
    );
    expect(byIp.hint).toContain('Nothing answers at http://127.0.0.1:9');
    const byName = await diagnosedNetworkError(
      ctx(compatible('https://images.example.invalid/v1')),
      cause,
      failing('no-answer'),
    );
    expect(byName.hint).toContain('images.example.invalid could not be looked up');
  });
});
