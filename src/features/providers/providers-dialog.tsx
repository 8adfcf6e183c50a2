import { Dialog } from 'radix-ui';
import { useState } from 'react';
import type { ProviderKind } from '../../api/image-result.ts';
import { SelectField } from '../../lib/ui/select-field.tsx';
import { sortListedModels } from './connection/listed-models.ts';
import { originAccess } from './connection/origin-access.ts';
import { providerDialogFocus, useProviderDialogStore } from './provider-dialog-store.ts';
import {
  OPENAI_BASE_URL,
  providerFrom,
  useProviderStore,
  type ProviderSettings,
} from './provider-store.ts';
import { AzureSettings, hostOf } from './components/azure-settings.tsx';
import { CompatibleSettings, guessRules } from './components/compatible-settings.tsx';
import { ConnectionTest } from './components/connection-test.tsx';
import { BaseUrlField } from './components/base-url-field.tsx';
import { EngineLikeToggle } from './components/engine-like-toggle.tsx';
import { KEY_INPUT, KeyField } from './components/key-field.tsx';
import { OriginAccessNotice } from './components/origin-access-notice.tsx';
import './providers.css';

const KINDS = [
  {
    value: 'local',
    label: 'Local engine',
    description: 'Runs on this computer: no key, no internet',
  },
  { value: 'openai', label: 'OpenAI', description: 'api.openai.com with your API key' },
  { value: 'azure', label: 'Azure OpenAI', description: 'Your Azure resource and deployments' },
  {
    value: 'compatible',
    label: 'Compatible server',
    description: 'Any OpenAI-compatible images API',
  },
];

/** OpenAI, or an Azure resource with its endpoint set, that has no key yet. */
function keyMissing(state: ProviderSettings & { active: ProviderKind }): boolean {
  if (state.active === 'openai') return state.openai.apiKey.trim() === '';
  if (state.active === 'azure')
    return state.azure.baseUrl.trim() !== '' && state.azure.apiKey.trim() === '';
  return false;
}

/** Choose where requests go and with which key; changes apply at once. */
export function ProvidersDialog() {
  const open = useProviderDialogStore((s) => s.open);
  const setOpen = useProviderDialogStore((s) => s.setOpen);
  const reloadedFor = useProviderDialogStore((s) => s.reloadedFor);
  const focusKey = useProviderDialogStore((s) => s.focusKey);
  const state = useProviderStore();
  const provider = providerFrom(state, state.active);
  const access = originAccess(provider);
  const keyed = state.active === 'local' ? null : state[state.active];
  const [listed, setListed] = useState<string[]>([]);
  const offered = sortListedModels(listed);
  const unmapped = offered.images.filter(
    (id) => !state.compatible.models.some((m) => m.id.trim() === id),
  );

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog__overlay" />
        <Dialog.Content
          className="dialog dialog--side"
          onOpenAutoFocus={(event) => {
            // Opened with OpenAI or Azure but no key (a refused request's way forward, or a
            // reload forgot an unremembered key), or from a card whose key was refused: the
            // key is the one thing to type.
            if (!keyMissing(state) && !focusKey) return;
            const key = (
              event.currentTarget as HTMLElement | null
            )?.querySelector<HTMLInputElement>(`.${KEY_INPUT}`);
            if (!key) return;
            event.preventDefault();
            key.focus();
          }}
          onCloseAutoFocus={providerDialogFocus.onCloseAutoFocus}
          aria-describedby={
            reloadedFor ? 'providers-reloaded providers-description' : 'providers-description'
          }
        >
          <header className="dialog__header">
            <Dialog.Title className="dialog__title">Provider settings</Dialog.Title>
            <Dialog.Close className="button button--ghost button--small" aria-label="Close">
              ✕
            </Dialog.Close>
          </header>
          <Dialog.Description id="providers-description" className="dialog__description">
            Where Easel sends your prompts. Keys stay on this device and go only to the provider you
            choose.
          </Dialog.Description>
          <div className="dialog__body">
            {reloadedFor && access.state === 'allowed' ? (
              // Read with the dialog's description as it opens (focus goes to the key field).
              <p className="callout callout--success" id="providers-reloaded">
                Easel now connects to {hostOf(reloadedFor) || reloadedFor}.
                {keyed && !keyed.apiKey ? ' Type your API key to finish.' : ''}
              </p>
            ) : null}
            <SelectField
              label="Provider"
              value={state.active}
              choices={KINDS}
              onChange={(kind) => {
                setListed([]);
                state.setActive(kind as ProviderKind);
              }}
            />
            {state.active === 'local' ? (
              <p className="form-field__hint provider-about">
                The local engine is built into Easel and runs on this computer. It needs no key and
                no internet, and draws procedural pictures from your prompt (it is not an AI model),
                so you can try every setting for free.
              </p>
            ) : null}
            {state.active === 'local' ? (
              <EngineLikeToggle
                checked={state.localLike === 'openai'}
                onChange={(on) => state.setLocalLike(on ? 'openai' : null)}
              />
            ) : null}
            {state.active === 'openai' ? (
              <>
                <BaseUrlField
                  value={state.openai.baseUrl}
                  placeholder={OPENAI_BASE_URL}
                  onChange={(baseUrl) => state.update('openai', { baseUrl })}
                  hint="Keep the default unless you use a proxy."
                />
                <KeyField
                  apiKey={state.openai.apiKey}
                  remember={state.openai.rememberKey}
                  host={hostOf(state.openai.baseUrl || OPENAI_BASE_URL)}
                  onKeyChange={(apiKey) => state.update('openai', { apiKey })}
                  onRememberChange={(rememberKey) => state.update('openai', { rememberKey })}
                />
              </>
            ) : null}
            {state.active === 'azure' ? <AzureSettings /> : null}
            {state.active === 'compatible' ? <CompatibleSettings /> : null}
            {access.state === 'allowed' ? (
              <ConnectionTest key={state.active} provider={provider} onModelsListed={setListed} />
            ) : (
              <p className="form-field__hint">Test the connection once Easel has reloaded.</p>
            )}
            {state.active === 'compatible' && (unmapped.length > 0 || offered.others.length > 0) ? (
              <div className="callout callout--info">
                {unmapped.length > 0 ? <p>The server lists {unmapped.join(', ')}.</p> : null}
                {offered.others.length > 0 ? (
                  <p className="form-field__hint">
                    Not offered, as they look like text, audio or embedding models:{' '}
                    {offered.others.join(', ')}. If one makes images, add it with Add model.
                  </p>
                ) : null}
                {unmapped.length > 0 ? (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() =>
                      state.update('compatible', {
                        models: [
                          ...state.compatible.models.filter((m) => m.id.trim()),
                          ...unmapped.map((id) => ({ id, model: guessRules(id) })),
                        ],
                      })
                    }
                  >
                    Add {unmapped.length === 1 ? 'it' : 'them'} as models
                  </button>
                ) : null}
              </div>
            ) : null}
          </div>
          <footer className="dialog__footer">
            {access.state === 'allowed' ? null : (
              // In the footer, always in view: allowing the address is how these settings
              // are saved.
              <OriginAccessNotice access={access} />
            )}
            <Dialog.Close className="button button--primary">Done</Dialog.Close>
          </footer>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
