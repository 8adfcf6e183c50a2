import { describe, expect, it } from 'vitest';
import { checkBaseUrl } from './provider-url.ts';

describe('checkBaseUrl', () => {
  it('takes absolute http(s) addresses with a plain host', () => {
    for (const text of [
      'https://api.openai.com/v1',
      ' http://127.0.0.1:8787/v1 ',
      'https://my-res.openai.azure.com',
      'http://localhost:1234/v1/',
      'http://[::1]:8787/v1',
    ]) {
      expect(checkBaseUrl(text).ok, text).toBe(true);
    }
  });

  it('refuses an address without a scheme and offers to add https://', () => {
    const check = checkBaseUrl('api.openai.com/v1');
    expect(check).toMatchObject({ ok: false, suggestion: 'https://api.openai.com/v1' });
    expect(checkBaseUrl('localhost:8787/v1')).toMatchObject({ ok: false });
    expect(checkBaseUrl('/v1')).toMatchObject({ ok: false, suggestion: null });
  });

  it('refuses other schemes, credentials, queries and hosts that are not plain names', () => {
    for (const text of [
      'ftp://example.com/v1',
      'javascript:alert(1)',
      'https://user:pass@example.com/v1',
      'https://example.com/v1?x=1',
      'http://x;worker-src/v1',
      "http://a'b.example/v1",
      '',
    ]) {
      expect(checkBaseUrl(text).ok, text).toBe(false);
    }
  });
});
