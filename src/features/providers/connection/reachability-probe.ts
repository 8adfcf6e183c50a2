/**
 * The background check asks what "Test connection" asks — the provider's model list, with
 * the key sent only to the provider's own URL — never an images request, never a paid call.
 */
import type { Provider } from '../../../api/provider.ts';

const PROBE_TIMEOUT_MS = 10_000;

/** True when the server answered at all (an error reply like 401 or 404 is an answer too). */
export async function probeReachable(provider: Provider, signal: AbortSignal): Promise<boolean> {
  // Loaded when a provider first turns out unreachable, not with the first screen.
  const [{ listModels }, { ImagesApiError }] = await Promise.all([
    import('../../../api/list-models.ts'),
    import('../../../api/errors.ts'),
  ]);
  try {
    await listModels(provider, AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]));
    return true;
  } catch (error) {
    return error instanceof ImagesApiError && error.kind !== 'network' && error.kind !== 'aborted';
  }
}
