import { useMutation } from '@tanstack/react-query';
import { ImagesApiError } from '../../../api/errors.ts';
import { listModels } from '../../../api/list-models.ts';
import type { Provider } from '../../../api/provider.ts';
import { recordConnectionTest } from '../connection-test-store.ts';
import { testFailure } from '../connection/test-failure.ts';

interface ConnectionTestProps {
  provider: Provider;
  /** Offered the ids the server listed (compatible servers: to add them as models). */
  onModelsListed?: (ids: string[]) => void;
}

/** "Test connection": asks the provider for its model list with the key, and says what happened. */
export function ConnectionTest({ provider, onModelsListed }: ConnectionTestProps) {
  const test = useMutation({
    mutationKey: ['test-connection', provider.kind],
    mutationFn: () => listModels(provider, AbortSignal.timeout(15_000)),
    onSuccess: (report) => {
      recordConnectionTest(provider, null);
      onModelsListed?.(report.models);
    },
    // The provider chip shows the failure too, until the settings change or a test passes.
    onError: (error) => recordConnectionTest(provider, testFailure(error)),
  });
  const missingUrl = provider.kind !== 'local' && !provider.baseUrl.trim();
  return (
    <div className="connection-test">
      <button
        type="button"
        className="button"
        onClick={() => test.mutate()}
        disabled={test.isPending || missingUrl}
      >
        {test.isPending ? 'Testing…' : 'Test connection'}
      </button>
      {missingUrl ? (
        <p className="form-field__hint">Enter the base URL to test the connection.</p>
      ) : null}
      <div role="status" className="connection-test__result">
        {test.isSuccess ? (
          <p className="callout callout--success">
            Connected to {provider.name}
            {test.data.models.length > 0
              ? `: ${test.data.models.length} model${test.data.models.length === 1 ? '' : 's'} listed.`
              : '.'}
          </p>
        ) : null}
        {test.isError ? <ConnectionError error={test.error} /> : null}
      </div>
    </div>
  );
}

function ConnectionError({ error }: { error: unknown }) {
  if (!(error instanceof ImagesApiError)) {
    return <p className="callout callout--danger">The test failed: {String(error)}</p>;
  }
  const timedOut = error.detail?.includes('timed out') || error.kind === 'aborted';
  return (
    <div className="callout callout--danger">
      <p className="callout__title">{timedOut ? 'No answer within 15 seconds.' : error.title}</p>
      {error.detail && !timedOut ? <p className="callout__detail">{error.detail}</p> : null}
      <p>{error.hint}</p>
    </div>
  );
}
