import { createContext } from 'react';

/**
 * What the studio changed on its own, by field label ("Size" → "Size: 1792x1024 → auto, …"):
 * each field shows its own notes beside it, dismissible (lib/ui/field.tsx).
 */
export interface FieldNotes {
  notes: Readonly<Record<string, readonly string[]>>;
  dismiss: (field: string) => void;
}

export const FieldNotesContext = createContext<FieldNotes>({ notes: {}, dismiss: () => {} });
