import { describe, expect, it } from 'vitest';
import { UrlStore, URL_LIFETIME_MS } from './url-store.ts';

describe('url store', () => {
  it('serves an image until 60 minutes have passed, then says it expired', () => {
    let now = 1_000;
    const store = new UrlStore(() => now);
    const { id, expiresAt } = store.put(Buffer.from('png'), 'image/png');
    expect(expiresAt).toBe(1_000 + URL_LIFETIME_MS);
    expect(store.get(id).kind).toBe('found');
    now += URL_LIFETIME_MS - 1;
    expect(store.get(id).kind).toBe('found');
    now += 1;
    expect(store.get(id).kind).toBe('expired');
    expect(store.get('never-issued').kind).toBe('unknown');
  });

  it('issues unguessable ids', () => {
    const store = new UrlStore(() => 0);
    const ids = new Set(
      Array.from({ length: 50 }, () => store.put(Buffer.alloc(1), 'image/png').id),
    );
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id.length).toBeGreaterThanOrEqual(32);
  });

  it('drops the oldest images past its memory budget, and says so', () => {
    const store = new UrlStore(() => 0, 10);
    const first = store.put(Buffer.alloc(6), 'image/png');
    const second = store.put(Buffer.alloc(6), 'image/png');
    expect(store.get(first.id).kind).toBe('evicted');
    expect(store.get(second.id).kind).toBe('found');
  });
});
