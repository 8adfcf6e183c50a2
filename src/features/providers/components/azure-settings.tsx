import { modelsFor } from '../../../api/model-lookup.ts';
import { deploymentLifecycle, repeatedDeployments } from '../azure-deployments.ts';
import { useNow } from '../../../lib/use-now.ts';
import { TextField } from '../../../lib/ui/text-field.tsx';
import { useProviderStore } from '../provider-store.ts';
import { BaseUrlField } from './base-url-field.tsx';
import { KeyField } from './key-field.tsx';

/** Azure OpenAI: the resource endpoint, api-version, key, and one deployment per model. */
export function AzureSettings() {
  const azure = useProviderStore((s) => s.azure);
  const update = useProviderStore((s) => s.update);
  const imageModels = modelsFor('generate');
  const repeated = repeatedDeployments(azure.deployments);
  const labelOf = (id: string) => imageModels.find((m) => m.id === id)?.label ?? id;
  // Lifecycles are read on today's date (a shutdown takes effect on its day).
  const now = useNow(true, 60_000);
  return (
    <>
      <BaseUrlField
        value={azure.baseUrl}
        placeholder="https://my-resource.openai.azure.com"
        onChange={(baseUrl) => update('azure', { baseUrl })}
        hint="Your Azure OpenAI resource endpoint."
      />
      <TextField
        label="API version"
        mono
        value={azure.apiVersion}
        onChange={(apiVersion) => update('azure', { apiVersion })}
        hint="Sent as ?api-version=; GPT image models need 2025-04-01-preview or later."
      />
      <KeyField
        apiKey={azure.apiKey}
        remember={azure.rememberKey}
        host={hostOf(azure.baseUrl)}
        onKeyChange={(apiKey) => update('azure', { apiKey })}
        onRememberChange={(rememberKey) => update('azure', { rememberKey })}
      />
      <fieldset className="fieldset">
        <legend>Deployments</legend>
        <p className="form-field__hint">
          The deployment name of each model on your resource. Models without one are not offered.
        </p>
        <div className="deployments">
          {imageModels.map((model) => {
            const owner = repeated.get(model.id);
            return (
              <TextField
                key={model.id}
                label={`Deployment for ${model.label}`}
                mono
                value={azure.deployments[model.id] ?? ''}
                onChange={(name) =>
                  update('azure', { deployments: { ...azure.deployments, [model.id]: name } })
                }
                invalid={owner !== undefined}
                hint={
                  owner ? (
                    <span className="form-field__hint--error">
                      “{azure.deployments[owner]?.trim()}” is already the deployment for{' '}
                      {labelOf(owner)}. An Azure deployment serves one model: give {model.label} its
                      own, or leave it empty. Until then it is not offered.
                    </span>
                  ) : (
                    deploymentLifecycle(model.id, now)
                  )
                }
              />
            );
          })}
        </div>
      </fieldset>
    </>
  );
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
