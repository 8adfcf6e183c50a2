import { describe, expect, it } from 'vitest';
import type { Provider } from '../../../api/provider.ts';
import { originAccess } from './origin-access.ts';

const allowOnly = (origins: string[]) => (url: string) => origins.includes(new URL(url).origin);
const provider = (kind: Provider['kind'], baseUrl: string): Provider => ({
  kind,
  name: kind,
  baseUrl,
  apiKey: '',
});

describe('originAccess: does the page’s policy let a provider be reached yet?', () => {
  const policy = allowOnly(['https://api.openai.com']);

  it('the local engine and allowed origins need nothing', () => {
    expect(originAccess(provider('local', '/v1'), policy)).toEqual({ state: 'allowed' });
    expect(originAccess(provider('openai', 'https://api.openai.com/v1'), policy)).toEqual({
      state: 'allowed',
    });
  });

  it('a provider set up in this session needs a reload, named by its origin', () => {
    expect(originAccess(provider('compatible', ' http://10.0.0.2:8000/v1 '), policy)).toEqual({
      state: 'needs-reload',
      origin: 'http://10.0.0.2:8000',
      host: '10.0.0.2:8000',
    });
  });

  it('an IPv6 address can never be allowed, and says so instead of reloading in a loop', () => {
    expect(originAccess(provider('compatible', 'http://[::1]:8000/v1'), policy)).toMatchObject({
      state: 'unsupported',
      host: '[::1]:8000',
    });
  });

  it('an address still being typed, or not http(s), asks for no reload', () => {
    for (const baseUrl of ['', 'https://', 'api.example', 'ftp://example.com'])
      expect(originAccess(provider('compatible', baseUrl), policy)).toEqual({ state: 'allowed' });
  });
});
