import { create } from 'zustand';
import type { DraftOperation } from './settings/draft-settings.ts';

interface PromptFocusState {
  /** Bumped to ask the prompt panel of that operation to focus its prompt. */
  requests: Record<DraftOperation, number>;
}

export const usePromptFocus = create<PromptFocusState>()(() => ({
  requests: { generate: 0, edit: 0 },
}));

/** "Reword the prompt": puts the caret in the prompt box (after a safety refusal, say). */
export function focusPrompt(operation: DraftOperation): void {
  usePromptFocus.setState((s) => ({
    requests: { ...s.requests, [operation]: s.requests[operation] + 1 },
  }));
}
