import { getModel } from '../../../api/model-lookup.ts';
import { MODELS, STUDIO_DEFAULT_MODEL } from '../../../api/models.ts';
import type { ModelId } from '../../../api/model-types.ts';
import type { ProviderModel } from '../../../api/provider.ts';
import { TextField } from '../../../lib/ui/text-field.tsx';
import { SelectField } from '../../../lib/ui/select-field.tsx';
import { useProviderStore } from '../provider-store.ts';
import { hostOf } from './azure-settings.tsx';
import { BaseUrlField } from './base-url-field.tsx';
import { KeyField } from './key-field.tsx';

const RULES = MODELS.map((m) => ({ value: m.id, label: m.label }));

/** Every name the table knows a model by, longest first: "gpt-image-2.5" before "gpt-image-2". */
const NAMES = MODELS.flatMap((m) => [m.id, ...m.aliases].map((name) => ({ name, id: m.id }))).sort(
  (a, b) => b.name.length - a.name.length,
);

/**
 * Guesses which known model's rules a listed id follows: the longest id or alias it contains
 * ("dall-e-3-hd" → DALL·E 3, "gpt-image-2.5" → GPT Image 2.5 Flare), else its family's, as
 * for any id Easel does not know (the newest GPT image model's) — never a retired model's.
 */
export function guessRules(id: string): ModelId {
  const lower = id.trim().toLowerCase();
  return NAMES.find((m) => lower.includes(m.name))?.id ?? getModel(lower).rulesFrom;
}

/** Any OpenAI-compatible server: its base URL, key, and the model ids it serves. */
export function CompatibleSettings() {
  const compatible = useProviderStore((s) => s.compatible);
  const update = useProviderStore((s) => s.update);
  const setModels = (models: ProviderModel[]) => update('compatible', { models });
  const models = compatible.models;
  return (
    <>
      <TextField
        label="Name"
        value={compatible.name}
        placeholder="My image server"
        onChange={(name) => update('compatible', { name })}
        hint="How Easel names this server in results and the gallery."
      />
      <BaseUrlField
        value={compatible.baseUrl}
        placeholder="http://localhost:8000/v1"
        onChange={(baseUrl) => update('compatible', { baseUrl })}
        hint="Where /images/generations begins. The server must allow this page’s origin (CORS)."
      />
      <KeyField
        apiKey={compatible.apiKey}
        remember={compatible.rememberKey}
        host={hostOf(compatible.baseUrl)}
        onKeyChange={(apiKey) => update('compatible', { apiKey })}
        onRememberChange={(rememberKey) => update('compatible', { rememberKey })}
      />
      <fieldset className="fieldset">
        <legend>Models</legend>
        <p className="form-field__hint">
          The model ids the server serves. Each follows the rules (sizes, settings) of a known
          model.
        </p>
        {models.map((m, i) => (
          <div className="model-row" key={i}>
            <TextField
              label={`Model id ${i + 1}`}
              mono
              value={m.id}
              onChange={(id) =>
                setModels(
                  models.map((x, j) =>
                    j !== i
                      ? x
                      : // Rules still at the guess for the id typed so far follow the id;
                        // rules the designer picked stay.
                        { id, model: x.model === guessRules(x.id) ? guessRules(id) : x.model },
                  ),
                )
              }
            />
            <SelectField
              label={`Rules for model ${i + 1}`}
              value={m.model}
              choices={RULES}
              onChange={(model) =>
                setModels(models.map((x, j) => (j === i ? { ...x, model: model as ModelId } : x)))
              }
            />
            <button
              type="button"
              className="button button--ghost button--small model-row__remove"
              aria-label={`Remove model ${m.id || i + 1}`}
              onClick={() => setModels(models.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => setModels([...models, { id: '', model: STUDIO_DEFAULT_MODEL }])}
        >
          Add model
        </button>
      </fieldset>
    </>
  );
}
