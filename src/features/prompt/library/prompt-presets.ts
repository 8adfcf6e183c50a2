/**
 * Saved presets: a name for a prompt snippet plus settings (model, size, quality…), applied
 * in one click. Persistence contract (localStorage key `easel.prompt-presets`), in the order
 * they were saved.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ImageParams } from '../../../api/params.ts';
import type { DraftOperation } from '../settings/draft-settings.ts';

export interface PromptPreset {
  id: string;
  name: string;
  operation: DraftOperation;
  /** Added to the prompt when applied ("watercolour, soft morning light"). */
  snippet: string;
  params: ImageParams;
  savedAt: number;
}

interface PresetState {
  presets: PromptPreset[];
  save: (preset: Omit<PromptPreset, 'id' | 'savedAt'>) => PromptPreset;
  remove: (id: string) => void;
}

export const usePromptPresets = create<PresetState>()(
  persist(
    (set) => ({
      presets: [],
      save: (fields) => {
        const preset: PromptPreset = {
          ...fields,
          name: fields.name.trim() || 'Untitled preset',
          id: crypto.randomUUID(),
          savedAt: Date.now(),
        };
        set((s) => ({ presets: [...s.presets, preset] }));
        return preset;
      },
      remove: (id) => set((s) => ({ presets: s.presets.filter((p) => p.id !== id) })),
    }),
    {
      name: 'easel.prompt-presets',
      version: 1,
      storage: createJSONStorage(() => localStorage),
    },
  ),
);

/**
 * The prompt a preset leaves: its snippet alone in an empty prompt, else added after the
 * prompt (once: applying the same preset twice does not repeat it).
 */
export function promptWithSnippet(prompt: string, snippet: string): string {
  const base = prompt.trim();
  const add = snippet.trim();
  if (!add) return prompt;
  if (!base) return add;
  if (base.toLocaleLowerCase().includes(add.toLocaleLowerCase())) return prompt;
  return `${base.replace(/[,.;\s]+$/, '')}, ${add}`;
}
