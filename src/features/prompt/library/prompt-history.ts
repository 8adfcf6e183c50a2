/**
 * Recent prompts, each with the settings it was sent with, newest first.
 *
 * Persistence contract (localStorage key `easel.prompt-history`): at most MAX_HISTORY
 * entries; sending the same prompt with the same model again moves it to the top instead
 * of repeating it. Nothing secret is kept (no provider, no key).
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ImageParams } from '../../../api/params.ts';
import type { DraftOperation } from '../settings/draft-settings.ts';

export const MAX_HISTORY = 200;

export interface PromptRecord {
  id: string;
  operation: DraftOperation;
  prompt: string;
  /** The request's parameters as sent (API names), to reuse in one click. */
  params: ImageParams;
  sentAt: number;
}

interface HistoryState {
  records: PromptRecord[];
  record: (operation: DraftOperation, params: ImageParams, now?: number) => void;
  forget: (id: string) => void;
  clear: () => void;
}

const sameRequest = (a: PromptRecord, operation: DraftOperation, params: ImageParams) =>
  a.operation === operation && a.prompt === params.prompt && a.params.model === params.model;

export const usePromptHistory = create<HistoryState>()(
  persist(
    (set) => ({
      records: [],
      record: (operation, params, now = Date.now()) =>
        set((s) => {
          const prompt = typeof params.prompt === 'string' ? params.prompt.trim() : '';
          if (!prompt) return s;
          const record: PromptRecord = {
            id: crypto.randomUUID(),
            operation,
            prompt: params.prompt as string,
            params,
            sentAt: now,
          };
          const rest = s.records.filter((r) => !sameRequest(r, operation, params));
          return { records: [record, ...rest].slice(0, MAX_HISTORY) };
        }),
      forget: (id) => set((s) => ({ records: s.records.filter((r) => r.id !== id) })),
      clear: () => set({ records: [] }),
    }),
    {
      name: 'easel.prompt-history',
      version: 1,
      storage: createJSONStorage(() => localStorage),
    },
  ),
);

/** Records whose prompt holds every word of the query, case-insensitively, newest first. */
export function searchPrompts<T extends { prompt: string }>(records: readonly T[], query: string) {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...records];
  return records.filter((r) => {
    const text = r.prompt.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}
