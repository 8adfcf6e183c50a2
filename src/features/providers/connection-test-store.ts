/**
 * The last "Test connection" outcome, for the provider as it was set when tested (kind, base
 * URL, key): the provider chip shows a failure until the settings change or a test passes.
 * Memory only; the key itself is not kept here, only a hash of it to notice a change. No
 * request code here: the provider chip is on the first screen.
 */
import { create } from 'zustand';
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

/** Records a test's outcome: null when it passed (see connection/test-failure.ts). */
export function recordConnectionTest(provider: Provider, failed: FailedTest | null): void {
  useConnectionTestStore.setState({
    last: {
      fingerprint: fingerprint(provider),
      failure: failed?.label ?? null,
      unreachable: failed?.unreachable ?? false,
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
