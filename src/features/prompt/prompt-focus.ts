import { create } from 'zustand';
import type { DraftOperation } from './settings/draft-settings.ts';

interface PromptFocusState {
  /** Bumped to ask the prompt panel of that operation to focus its prompt. */
  requests: Record<DraftOperation, number>;
  /** The setting (its label) the panel of that operation is asked to focus, once. */
  setting: Record<DraftOperation, { label: string } | null>;
}

export const usePromptFocus = create<PromptFocusState>()(() => ({
  requests: { generate: 0, edit: 0 },
  setting: { generate: null, edit: null },
}));

/** "Reword the prompt": puts the caret in the prompt box (after a safety refusal, say). */
export function focusPrompt(operation: DraftOperation): void {
  usePromptFocus.setState((s) => ({
    requests: { ...s.requests, [operation]: s.requests[operation] + 1 },
  }));
}

/**
 * "Change Quality": focuses the setting a provider refused, by the label its field shows
 * (a new object each time, so asking twice focuses twice).
 */
export function focusSetting(operation: DraftOperation, label: string): void {
  usePromptFocus.setState((s) => ({ setting: { ...s.setting, [operation]: { label } } }));
}
