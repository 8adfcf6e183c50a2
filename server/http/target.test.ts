import { describe, expect, it } from 'vitest';
import { parseTarget } from './target.ts';

describe('parseTarget', () => {
  it('routes the plain spelling of an engine path; the query is not part of it', () => {
    expect(parseTarget('/v1/images/generations?x=1')).toMatchObject({
      path: '/v1/images/generations',
      ours: true,
      canonical: true,
    });
    expect(parseTarget('/__engine/requests')).toMatchObject({ ours: true, canonical: true });
  });

  it('leaves the studio’s own paths to Vite', () => {
    expect(parseTarget('/src/main.tsx').ours).toBe(false);
    expect(parseTarget('/assets/index.js').ours).toBe(false);
    expect(parseTarget('/v1x/images').ours).toBe(false);
  });

  it('claims, but refuses, anything that reaches or leaves an engine path by normalisation', () => {
    for (const target of [
      '/v1/../src/main.tsx',
      '/src/../v1/images/generations',
      '/v1/images/files/%2e%2e/%2e%2e/etc/passwd',
      '/v1/images/files/..%2fx',
      '/v1/images/files\\x.png',
      '/v1/images/files/x.png%00',
      '/v1/images//files/x.png',
      '/v1/images/files/x.png\u0000',
      // What a static file server would decode and then resolve to its index page.
      '/v1%2f..%2findex.html',
      '/v1%2F..%2Findex.html',
      '/v1%5c..%5cindex.html',
      '/%761/models',
      '/assets/..%2fv1/models',
    ]) {
      const parsed = parseTarget(target);
      expect(parsed.ours, target).toBe(true);
      expect(parsed.canonical, target).toBe(false);
    }
  });

  it('keeps `//host/path` a path (never a host), and shows control characters inert', () => {
    expect(parseTarget('//evil.test/v1/models')).toMatchObject({
      path: '//evil.test/v1/models',
      canonical: false,
    });
    expect(parseTarget('/v1/a\u0000b').shown).toBe('/v1/a\\x00b');
  });
});
