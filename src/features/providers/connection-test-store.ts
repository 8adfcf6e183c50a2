/**
 * The last "Test connection" outcome, for the provider as it was set when tested (kind, base
 * URL, key): the provider chip shows a failure until the settings change or a test passes.
 * Memory only; the key itself is not kept here, only a hash of it to notice a change.
 */
import { create } from 'zustand';
import { ImagesApiError, isUnreachable } from '../../api/errors.ts';
import { REFUSED_BY_CORS } from '../../api/network-failure.ts';
import type { Provider } from '../../api/provider.ts';

interface TestOutcome {
  fingerprint: string;
  /** A few words for the chip, or null when the test passed. */
  failure: string | null;
  /** The test got no answer at all: news that the server answers again outdates it. */
  unreachable: boolean;
}

export interface FailedTest {
  label: string;
  unreachable: boolean;
}

const useConnectionTestStore = create<{ last: TestOutcome | null }>()(() => ({ last: null }));

/** FNV-1a: enough to tell one typed key from another, says nothing about the key. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

const fingerprint = (p: Provider) => `${p.kind}|${p.baseUrl.trim()}|${hash(p.apiKey.trim())}`;

/** The chip's words for why a test failed. */
export function failureLabel(error: unknown): string {
  if (!(error instanceof ImagesApiError)) return 'Connection test failed';
  if (error.kind === 'auth') return 'Key not accepted';
  if (error.code === REFUSED_BY_CORS) return 'Refuses this page (CORS)';
  if (isUnreachable(error)) {
    return error.title.startsWith('No connection') ? 'No connection' : 'Can’t reach the server';
  }
  if (error.kind === 'aborted' || error.detail?.includes('timed out')) return 'No answer';
  return 'Connection test failed';
}

export function recordConnectionTest(provider: Provider, error: unknown | null): void {
  useConnectionTestStore.setState({
    last: {
      fingerprint: fingerprint(provider),
      failure: error ? failureLabel(error) : null,
      unreachable: error instanceof ImagesApiError && isUnreachable(error),
    },
  });
}

/** Why the last test of this provider, as it is set now, failed; null if none did. */
export function useFailedConnectionTest(provider: Provider): FailedTest | null {
  const last = useConnectionTestStore((s) => s.last);
  if (!last?.failure || last.fingerprint !== fingerprint(provider)) return null;
  return { label: last.failure, unreachable: last.unreachable };
}

/** A request with these settings worked: a failed test of them is out of date. */
export function forgetFailedConnectionTest(provider: Provider): void {
  const { last } = useConnectionTestStore.getState();
  if (last?.failure && last.fingerprint === fingerprint(provider)) {
    useConnectionTestStore.setState({ last: null });
  }
}
