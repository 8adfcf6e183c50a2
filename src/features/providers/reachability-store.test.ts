import { beforeEach, describe, expect, it } from 'vitest';
import {
  getReachability,
  markReachable,
  markUnreachable,
  reachabilityKey,
  useReachabilityStore,
} from './reachability-store.ts';

describe('reachability store', () => {
  beforeEach(() => useReachabilityStore.setState({ byOrigin: {} }));

  it('keys a provider by its origin, whatever the path and key', () => {
    const a = {
      kind: 'compatible' as const,
      name: 'A',
      baseUrl: 'http://127.0.0.1:8000/v1',
      apiKey: 'k1',
    };
    const b = { ...a, baseUrl: 'http://127.0.0.1:8000/other/v1/', apiKey: 'k2' };
    expect(reachabilityKey(a)).toBe('http://127.0.0.1:8000');
    expect(reachabilityKey(b)).toBe(reachabilityKey(a));
    expect(reachabilityKey({ ...a, baseUrl: 'http://127.0.0.1:8001/v1' })).not.toBe(
      reachabilityKey(a),
    );
  });

  it('records a server going away and coming back, per origin', () => {
    markUnreachable('http://a.test');
    expect(getReachability('http://a.test')).toBe('unreachable');
    expect(getReachability('http://b.test')).toBeUndefined();
    markReachable('http://a.test');
    expect(getReachability('http://a.test')).toBe('reachable');
    markUnreachable('http://a.test');
    expect(getReachability('http://a.test')).toBe('unreachable');
  });

  it('records nothing for a success from a server never seen away', () => {
    const before = useReachabilityStore.getState();
    markReachable('http://fine.test');
    expect(useReachabilityStore.getState()).toBe(before);
    expect(getReachability('http://fine.test')).toBeUndefined();
  });
});
