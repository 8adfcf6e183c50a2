/**
 * The user's providers and which one is active.
 *
 * Persistence contract (localStorage key `easel.providers`): every setting is kept across
 * reloads except API keys. A key lives in memory only, unless the user ticked "Remember on
 * this device" for that provider; then, and only then, it is written with the rest.
 * Unticking forgets the stored copy at once (the in-memory key stays for this session).
 *
 * The page's Content-Security-Policy is built from these settings before the studio loads
 * (public/content-security-policy.js reads `baseUrl` of openai, azure and compatible, and
 * `active`): every non-empty base URL counts as a configured provider. OpenAI's starts
 * empty and gets its default when OpenAI is first chosen, so a studio that never used
 * OpenAI does not allow connections to it.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { useShallow } from 'zustand/react/shallow';
import type { ProviderKind } from '../../api/image-result.ts';
import type { ModelId } from '../../api/model-types.ts';
import { repeatedDeployments } from './azure-deployments.ts';
import {
  AZURE_DEFAULT_API_VERSION,
  type EngineLike,
  type Provider,
  type ProviderModel,
} from '../../api/provider.ts';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const LOCAL_BASE_URL = '/v1';

export interface KeyedSettings {
  baseUrl: string;
  apiKey: string;
  /** The user asked to keep the key on this device. */
  rememberKey: boolean;
}

export interface ProviderSettings {
  openai: KeyedSettings;
  azure: KeyedSettings & {
    apiVersion: string;
    /** Deployment name per model; a model without one is not offered. */
    deployments: Partial<Record<ModelId, string>>;
  };
  compatible: KeyedSettings & {
    name: string;
    /** The ids the server serves, each following a known model's rules. */
    models: ProviderModel[];
  };
}

/** Settings of the local engine (it needs no URL or key). */
export interface LocalSettings {
  /** Answer as OpenAI does today: its retired models are refused (x-easel-like header). */
  localLike: EngineLike | null;
}

interface ProviderState extends ProviderSettings, LocalSettings {
  active: ProviderKind;
  setLocalLike: (like: EngineLike | null) => void;
  setActive: (kind: ProviderKind) => void;
  update: <K extends keyof ProviderSettings>(kind: K, patch: Partial<ProviderSettings[K]>) => void;
}

const initialSettings: ProviderSettings = {
  openai: { baseUrl: '', apiKey: '', rememberKey: false },
  azure: {
    baseUrl: '',
    apiKey: '',
    rememberKey: false,
    apiVersion: AZURE_DEFAULT_API_VERSION,
    deployments: {},
  },
  compatible: { name: '', baseUrl: '', apiKey: '', rememberKey: false, models: [] },
};

const withoutKey = <T extends KeyedSettings>(s: T): T => (s.rememberKey ? s : { ...s, apiKey: '' });

export const useProviderStore = create<ProviderState>()(
  persist(
    (set) => ({
      ...initialSettings,
      active: 'local',
      setActive: (active) =>
        set((state) =>
          active === 'openai' && !state.openai.baseUrl.trim()
            ? { active, openai: { ...state.openai, baseUrl: OPENAI_BASE_URL } }
            : { active },
        ),
      update: (kind, patch) => set((state) => ({ [kind]: { ...state[kind], ...patch } })),
      localLike: null,
      setLocalLike: (localLike) => set({ localLike }),
    }),
    {
      name: 'easel.providers',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      // Keys are written only where the user ticked "Remember on this device".
      partialize: (state) => ({
        active: state.active,
        localLike: state.localLike,
        openai: withoutKey(state.openai),
        azure: withoutKey(state.azure),
        compatible: withoutKey(state.compatible),
      }),
      // A stored copy never wins over a key typed in this session.
      merge: (persisted, current) => {
        const stored = (persisted ?? {}) as Partial<ProviderState>;
        const keep = <K extends keyof ProviderSettings>(kind: K): ProviderSettings[K] => {
          const merged = { ...current[kind], ...(stored[kind] ?? {}) } as ProviderSettings[K];
          return current[kind].apiKey ? { ...merged, apiKey: current[kind].apiKey } : merged;
        };
        return {
          ...current,
          active: stored.active ?? current.active,
          localLike: stored.localLike === 'openai' ? 'openai' : null,
          openai: keep('openai'),
          azure: keep('azure'),
          compatible: keep('compatible'),
        };
      },
    },
  ),
);

const NAMES: Record<ProviderKind, string> = {
  local: 'Local engine',
  openai: 'OpenAI',
  azure: 'Azure OpenAI',
  compatible: 'Compatible server',
};

/** The Provider the api layer needs, from the stored settings of one kind. */
export function providerFrom(
  state: ProviderSettings & Partial<LocalSettings>,
  kind: ProviderKind,
): Provider {
  switch (kind) {
    case 'local':
      return {
        kind,
        name: NAMES.local,
        baseUrl: LOCAL_BASE_URL,
        apiKey: '',
        ...(state.localLike ? { like: state.localLike } : {}),
      };
    case 'openai':
      return {
        kind,
        name: NAMES.openai,
        baseUrl: state.openai.baseUrl || OPENAI_BASE_URL,
        apiKey: state.openai.apiKey,
      };
    case 'azure': {
      // A name already given to another model is not a second model (azure-deployments.ts).
      const repeated = repeatedDeployments(state.azure.deployments);
      const models = Object.entries(state.azure.deployments)
        .filter(([model, deployment]) => deployment?.trim() && !repeated.has(model as ModelId))
        .map(([model, deployment]) => ({ id: deployment!.trim(), model: model as ModelId }));
      return {
        kind,
        name: NAMES.azure,
        baseUrl: state.azure.baseUrl,
        apiKey: state.azure.apiKey,
        apiVersion: state.azure.apiVersion || AZURE_DEFAULT_API_VERSION,
        models,
      };
    }
    case 'compatible':
      return {
        kind,
        name: state.compatible.name.trim() || NAMES.compatible,
        baseUrl: state.compatible.baseUrl,
        apiKey: state.compatible.apiKey,
        // A row whose id is still being typed is not a model yet.
        models: state.compatible.models
          .map((m) => ({ ...m, id: m.id.trim() }))
          .filter((m) => m.id !== ''),
      };
  }
}

/** The provider requests go to right now (non-hook: for code outside React). */
export function getActiveProvider(): Provider {
  const state = useProviderStore.getState();
  return providerFrom(state, state.active);
}

/** The provider requests go to right now; re-renders when it changes. */
export function useActiveProvider(): Provider {
  const [active, openai, azure, compatible, localLike] = useProviderStore(
    useShallow((s) => [s.active, s.openai, s.azure, s.compatible, s.localLike] as const),
  );
  return useMemo(
    () => providerFrom({ openai, azure, compatible, localLike }, active),
    [active, openai, azure, compatible, localLike],
  );
}
