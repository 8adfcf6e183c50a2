import { formatDay, modelStatus } from '../../api/model-lifecycle.ts';
import { getModel } from '../../api/model-lookup.ts';
import type { ModelId } from '../../api/model-types.ts';

/**
 * An Azure OpenAI deployment is one model deployed under a name: requests name the
 * deployment, never the model, so one name given to two models would send both to the same
 * model while the studio applied the other's rules. Names are compared trimmed and regardless
 * of case, as Azure compares its resources' names.
 */
const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * For each model whose deployment name an earlier one already has (in the order the names
 * were first given), that earlier model. The later one is not offered, and its field says so.
 */
export function repeatedDeployments(
  deployments: Partial<Record<ModelId, string>>,
): Map<ModelId, ModelId> {
  const owners = new Map<string, ModelId>();
  const repeated = new Map<ModelId, ModelId>();
  for (const [model, name] of Object.entries(deployments) as [ModelId, string | undefined][]) {
    const key = nameKey(name ?? '');
    if (!key) continue;
    const owner = owners.get(key);
    if (owner) repeated.set(model, owner);
    else owners.set(key, model);
  }
  return repeated;
}

/**
 * What Azure's published lifecycle says of a model on `now`'s day, for its deployment field:
 * a designer deploying GPT Image 1.5 a week before its retirement should see the day there.
 */
export function deploymentLifecycle(model: ModelId, now: number): string | undefined {
  const status = modelStatus(model, 'azure', now);
  if (status.state === 'live') return undefined;
  const day =
    status.state === 'retiring'
      ? `retires it on ${formatDay(status.shutdown)}`
      : `retired it on ${formatDay(status.since)}`;
  const next = status.successor ? `; its successor is ${getModel(status.successor).label}` : '';
  return `Azure OpenAI ${day}${next}.`;
}
