import { ImagesApiError, isUnreachable } from '../../../api/errors.ts';
import { REFUSED_BY_CORS } from '../../../api/network-failure.ts';
import type { FailedTest } from '../connection-test-store.ts';

/** What the provider chip says about a failed "Test connection", and whether it got no answer. */
export function testFailure(error: unknown): FailedTest {
  return {
    label: failureLabel(error),
    unreachable: error instanceof ImagesApiError && isUnreachable(error),
  };
}

/** The chip's words for why a test failed. */
function failureLabel(error: unknown): string {
  if (!(error instanceof ImagesApiError)) return 'Connection test failed';
  if (error.kind === 'auth') return 'Key not accepted';
  if (error.code === REFUSED_BY_CORS) return 'Refuses this page (CORS)';
  if (isUnreachable(error)) {
    return error.title.startsWith('No connection') ? 'No connection' : 'Can’t reach the server';
  }
  if (error.kind === 'aborted' || error.detail?.includes('timed out')) return 'No answer';
  return 'Connection test failed';
}
