import { useId, useState, type FormEvent } from 'react';
import type { ImageParams } from '../../../api/params.ts';
import { useDraftStore } from '../draft-store.ts';
import type { DraftOperation } from '../settings/draft-settings.ts';
import { describeParams } from './history-list.tsx';
import { promptWithSnippet, usePromptPresets } from './prompt-presets.ts';

interface PresetListProps {
  operation: DraftOperation;
  prompt: string;
  params: ImageParams;
  onUsed: () => void;
}

/** Save the current settings (and a prompt snippet) under a name; apply one in a click. */
export function PresetList({ operation, prompt, params, onUsed }: PresetListProps) {
  const presets = usePromptPresets((s) => s.presets).filter((p) => p.operation === operation);
  const { save, remove } = usePromptPresets.getState();
  const [name, setName] = useState('');
  const [snippet, setSnippet] = useState('');
  const id = useId();

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    const { prompt: _prompt, ...settings } = params;
    save({ name, operation, snippet, params: settings });
    setName('');
    setSnippet('');
  };

  return (
    <div className="prompt-library__section">
      <form className="prompt-library__save" onSubmit={onSave} aria-label="Save a preset">
        <p className="prompt-library__hint">
          Saves the model and settings now in the panel ({describeParams(params)}), and an optional
          snippet added to the prompt when you apply it.
        </p>
        <label className="form-field__label" htmlFor={`${id}-name`}>
          Preset name
        </label>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          maxLength={80}
          placeholder="Soft watercolour, wide"
          onChange={(e) => setName(e.target.value)}
        />
        <label className="form-field__label" htmlFor={`${id}-snippet`}>
          Prompt snippet (optional)
        </label>
        <input
          id={`${id}-snippet`}
          className="input"
          value={snippet}
          maxLength={1000}
          placeholder="watercolour, soft morning light"
          onChange={(e) => setSnippet(e.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={!name.trim()}>
          Save preset
        </button>
      </form>
      {presets.length === 0 ? (
        <p className="prompt-library__empty">No presets yet.</p>
      ) : (
        <ul className="prompt-library__list" aria-label="Presets">
          {presets.map((preset) => (
            <li key={preset.id} className="prompt-library__item">
              <button
                type="button"
                className="prompt-library__use"
                onClick={() => {
                  const combined = promptWithSnippet(prompt, preset.snippet);
                  useDraftStore
                    .getState()
                    .applyParams(
                      operation,
                      { ...preset.params, prompt: combined },
                      `Preset “${preset.name}” applied.`,
                    );
                  onUsed();
                }}
              >
                <span className="prompt-library__prompt">{preset.name}</span>
                <span className="prompt-library__meta">
                  {[preset.snippet ? `“${preset.snippet}”` : '', describeParams(preset.params)]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </button>
              <button
                type="button"
                className="button button--ghost button--icon"
                aria-label={`Delete preset ${preset.name}`}
                onClick={() => remove(preset.id)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
