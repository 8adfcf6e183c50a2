/**
 * The draft request of each operation (generate, edit): prompt, model and settings.
 *
 * Persistence contract (localStorage key `easel.drafts`): the drafts survive a reload so a
 * half-written prompt is never lost. Nothing secret lives here (keys are in the provider
 * store). The sentences explaining the last automatic adjustment are not persisted.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { modelsFor, rulesFor } from '../../api/model-lookup.ts';
import { STUDIO_DEFAULT_MODEL } from '../../api/models.ts';
import { draftFromParams, type ReusableParams } from './settings/apply-params.ts';
import type { ModelChoice } from './settings/model-choices.ts';
import { clearProviderFieldErrors } from './provider-field-errors.ts';
import {
  defaultSettings,
  describeModelSwitch,
  fitSettings,
  type Draft,
  type DraftOperation,
  type DraftSettings,
  type FieldNotice,
} from './settings/draft-settings.ts';

interface DraftState {
  drafts: Record<DraftOperation, Draft>;
  /** What the last model switch or reuse changed, and why: shown by each field until dismissed. */
  notices: Record<DraftOperation, FieldNotice[]>;
  setPrompt: (operation: DraftOperation, prompt: string) => void;
  /** `why` is said first when the studio, not the user, changes the model. */
  selectModel: (operation: DraftOperation, choice: ModelChoice, why?: string) => void;
  updateSettings: (operation: DraftOperation, patch: Partial<DraftSettings>) => void;
  /** Loads a result's, a history record's or a preset's prompt and settings; undoable. */
  applyParams: (operation: DraftOperation, params: ReusableParams, loaded?: string) => void;
  /** The draft before the last applyParams, until the next change; null when none. */
  undo: Record<DraftOperation, { draft: Draft; loaded: string } | null>;
  undoApply: (operation: DraftOperation) => void;
  /** Dismisses the notes by one field; by the Prompt that also ends a load's Undo. */
  dismissNotice: (operation: DraftOperation, field: string) => void;
}

const NO_UNDO = { generate: null, edit: null };

function initialDraft(operation: DraftOperation): Draft {
  const model = modelsFor(operation).some((m) => m.id === STUDIO_DEFAULT_MODEL)
    ? STUDIO_DEFAULT_MODEL
    : modelsFor(operation)[0]!.id;
  return { prompt: '', model, settings: defaultSettings(operation, model) };
}

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      drafts: { generate: initialDraft('generate'), edit: initialDraft('edit') },
      notices: { generate: [], edit: [] },
      undo: NO_UNDO,
      setPrompt: (operation, prompt) =>
        set((s) => ({
          drafts: { ...s.drafts, [operation]: { ...s.drafts[operation], prompt } },
          // Undoing a load now would throw away what was typed since.
          undo: { ...s.undo, [operation]: null },
        })),
      selectModel: (operation, { model, servedModel, custom, keepRetired }, why) => {
        clearProviderFieldErrors(operation);
        set((s) => {
          const from = s.drafts[operation];
          const to: Draft = {
            prompt: from.prompt,
            model,
            servedModel,
            ...(custom ? { custom } : {}),
            ...(keepRetired ? { keepRetired } : {}),
            settings: fitSettings(operation, model, from.settings),
          };
          const changes = from.model === model ? [] : describeModelSwitch(operation, from, to);
          const notices = why ? [{ field: 'Model', text: why }, ...changes] : changes;
          return {
            drafts: { ...s.drafts, [operation]: to },
            notices: { ...s.notices, [operation]: notices },
            // The designer's own model change ends the load's undo; the studio's does not.
            undo: {
              ...s.undo,
              [operation]: from.model !== model && !why ? null : s.undo[operation],
            },
          };
        });
      },
      updateSettings: (operation, patch) => {
        clearProviderFieldErrors(operation);
        set((s) => {
          const draft = s.drafts[operation];
          const wanted = { ...draft.settings, ...patch };
          const settings = fitSettings(operation, draft.model, wanted);
          const notices: FieldNotice[] = [];
          // The table's transparentFormats decide; fitSettings moved the format to one of them.
          if (
            settings.background === 'transparent' &&
            wanted.output_format !== settings.output_format
          ) {
            notices.push({
              field: 'Output format',
              text: `Output format: ${wanted.output_format} has no transparency, so ${settings.output_format} is used while Background is transparent.`,
            });
          }
          return {
            drafts: { ...s.drafts, [operation]: { ...draft, settings } },
            notices: { ...s.notices, [operation]: notices },
            undo: { ...s.undo, [operation]: null },
          };
        });
      },
      applyParams: (operation, params, loaded = 'Prompt and settings loaded.') => {
        clearProviderFieldErrors(operation);
        set((s) => {
          const before = s.drafts[operation];
          const { draft, notes } = draftFromParams(operation, params, before);
          return {
            drafts: { ...s.drafts, [operation]: draft },
            // What a load could not keep is about the model (kept, or assumed).
            notices: { ...s.notices, [operation]: notes.map((text) => ({ field: 'Model', text })) },
            undo: { ...s.undo, [operation]: { draft: before, loaded } },
          };
        });
      },
      undoApply: (operation) =>
        set((s) => {
          const undo = s.undo[operation];
          if (!undo) return s;
          return {
            drafts: { ...s.drafts, [operation]: undo.draft },
            notices: { ...s.notices, [operation]: [] },
            undo: { ...s.undo, [operation]: null },
          };
        }),
      dismissNotice: (operation, field) =>
        set((s) => ({
          notices: {
            ...s.notices,
            [operation]: s.notices[operation].filter((n) => n.field !== field),
          },
          undo: field === 'Prompt' ? { ...s.undo, [operation]: null } : s.undo,
        })),
    }),
    {
      name: 'easel.drafts',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ drafts: s.drafts }),
      // A stored draft from an older table (a new setting, a model that cannot do the
      // operation) is repaired rather than trusted; settings are refitted. A model retired on
      // the active provider moves to its successor once the panel sees the provider
      // (model-reconcile.ts), with a note.
      merge: (persisted, current) => {
        const stored = (persisted as Partial<DraftState> | undefined)?.drafts;
        if (!stored) return current;
        const repair = (operation: DraftOperation): Draft => {
          const draft = stored[operation];
          const fallback = current.drafts[operation];
          if (!draft || typeof draft.model !== 'string' || !rulesFor(draft.model, operation)) {
            return fallback;
          }
          const settings = { ...defaultSettings(operation, draft.model), ...draft.settings };
          return { ...draft, settings: fitSettings(operation, draft.model, settings) };
        };
        return { ...current, drafts: { generate: repair('generate'), edit: repair('edit') } };
      },
    },
  ),
);
