import { useId, useState, type FormEvent } from 'react';
import { getModel } from '../../../api/model-lookup.ts';
import type { Provider } from '../../../api/provider.ts';
import type { ModelChoice } from '../settings/model-choices.ts';

interface CustomModelFormProps {
  provider: Provider;
  onUse: (choice: ModelChoice) => void;
  onClose: () => void;
}

/** Model ids are ASCII words with dots, dashes and underscores (Azure deployments included). */
const MODEL_ID = /^[A-Za-z0-9][\w.:-]{0,127}$/;

/**
 * The typed model id behind "Use another model id…" (custom-model-field.tsx). Its rules come
 * from its family (the newest GPT image model's for gpt-image-*, DALL·E 3's for dall-e-*) and
 * the provider judges.
 */
export function CustomModelForm({ provider, onUse, onClose }: CustomModelFormProps) {
  const [id, setId] = useState('');
  const inputId = useId();
  const trimmed = id.trim();
  const valid = MODEL_ID.test(trimmed);
  const model = valid ? getModel(trimmed) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const mapped = provider.models !== undefined;
    onUse({ model: trimmed, ...(mapped ? { servedModel: trimmed } : {}), custom: true });
    onClose();
  };
  return (
    <form className="custom-model" onSubmit={submit}>
      <label htmlFor={inputId} className="form-field__label">
        Model id
      </label>
      <div className="custom-model__row">
        <input
          id={inputId}
          className="input"
          value={id}
          autoFocus
          spellCheck={false}
          autoComplete="off"
          placeholder="gpt-image-3"
          onChange={(event) => setId(event.target.value)}
          aria-describedby={`${inputId}-hint`}
        />
        <button type="submit" className="button button--small" disabled={!valid}>
          Use model
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Cancel
        </button>
      </div>
      <p className="form-field__hint" id={`${inputId}-hint`}>
        {model
          ? model.assumed
            ? `${provider.name} will be asked for ${trimmed}; ${getModel(model.rulesFrom).label}'s rules assumed.`
            : `${model.label}: Easel knows its rules.`
          : 'An id as the provider names it, for example a model released after this version of Easel.'}
      </p>
    </form>
  );
}
