import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { getModel } from '../../api/model-lookup.ts';
import { checkParams } from '../../api/params-check.ts';
import { sendProblem } from './send-problems.ts';
import type { ImageParams } from '../../api/params.ts';
import type { Provider } from '../../api/provider.ts';
import type { Dimensions } from '../../api/model-types.ts';
import { useNow } from '../../lib/use-now.ts';
import { useActiveProvider } from '../providers/provider-store.ts';
import { ProviderButton } from '../providers/provider-button.tsx';
import { useDraftStore } from './draft-store.ts';
import { usePromptFocus } from './prompt-focus.ts';
import { useSendFromAnywhere } from './use-send-from-anywhere.ts';
import { useProviderFieldErrors } from './provider-field-errors.ts';
import { FieldErrorsContext } from '../../lib/ui/field-errors.ts';
import { FieldNote } from '../../lib/ui/field-note.tsx';
import { FieldNotesContext } from '../../lib/ui/field-notes.ts';
import { rulesOf, toImageParams, type DraftOperation } from './settings/draft-settings.ts';
import { ModelPicker } from './components/model-picker.tsx';
import { CostEstimate, type RequestPlan } from './components/cost-estimate.tsx';
import { offeredModels } from './settings/model-choices.ts';
import { reconcileModel, type ModelMove } from './settings/model-reconcile.ts';
import { PromptField } from './components/prompt-field.tsx';
import { SettingsForm } from './components/settings-form.tsx';
import { SubmitButton } from './components/submit-button.tsx';
import { PromptLibraryButtons } from './library/prompt-library-buttons.tsx';
import './prompt-panel.css';

export interface PromptSubmission {
  provider: Provider;
  params: ImageParams;
  servedModel?: string;
}

export interface PromptPanelProps {
  operation: DraftOperation;
  /** The send button's text: "Generate", "Apply edit"… */
  submitLabel: string;
  onSubmit: (submission: PromptSubmission) => void;
  /** Reasons outside the form not to send yet, e.g. "Choose an image to edit." */
  blockers?: string[];
  /** Shown between the provider and the prompt (the editor's source image, for instance). */
  children?: ReactNode;
  /** The images the request will upload (an edit's source and references), for the estimate. */
  inputs?: readonly Dimensions[];
  /** When one press sends several requests (an extend in frames): for the estimate. */
  plan?: (params: ImageParams) => RequestPlan | null;
  /** Why this press makes one image whatever Number of images says (the slider says so). */
  oneImage?: string | null;
}

const PLACEHOLDER: Record<DraftOperation, string> = {
  generate: 'A lighthouse on a cliff at dusk, warm light in the windows, painted in gouache',
  edit: 'What should appear in the painted area? Describe the whole picture you want.',
};

/**
 * The prompt and the model-aware settings of one operation, with the send button. The
 * generate view and the editor both mount it; each operation keeps its own draft.
 */
export function PromptPanel({
  operation,
  submitLabel,
  onSubmit,
  blockers = [],
  children,
  inputs,
  plan,
  oneImage,
}: PromptPanelProps) {
  const provider = useActiveProvider();
  const draft = useDraftStore((s) => s.drafts[operation]);
  const notices = useDraftStore((s) => s.notices[operation]);
  const undo = useDraftStore((s) => s.undo[operation]);
  const { setPrompt, selectModel, updateSettings, dismissNotice, undoApply } =
    useDraftStore.getState();
  // Each note goes by the field it is about (lib/ui/field.tsx shows it there).
  const fieldNotes = useMemo(() => {
    const notes: Record<string, string[]> = {};
    for (const { field, text } of notices) (notes[field] ??= []).push(text);
    return { notes, dismiss: (field: string) => dismissNotice(operation, field) };
  }, [notices, operation, dismissNotice]);
  const promptNotes = fieldNotes.notes['Prompt'] ?? [];
  const focusRequest = usePromptFocus((s) => s.requests[operation]);
  const fieldErrors = useProviderFieldErrors((s) => s.errors[operation]);
  const promptRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusRequest > 0) promptRef.current?.focus();
  }, [focusRequest]);
  const settingRequest = usePromptFocus((s) => s.setting[operation]);
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A phone's sheet opened in the same render leaves a focus inside it where it is.
    if (settingRequest) focusField(panelRef.current, settingRequest.label, promptRef.current);
  }, [settingRequest]);

  // Lifecycles are read on the studio's day; a minute's resolution is plenty for dates.
  const now = useNow(true, 60_000);
  const offered = offeredModels(provider, operation);
  const move = reconcileModel(provider, operation, draft, now);
  const moveKey = move ? JSON.stringify(move) : '';
  useEffect(() => {
    if (!moveKey) return;
    const { choice, why } = JSON.parse(moveKey) as ModelMove;
    selectModel(operation, choice, why);
  }, [moveKey, operation, selectModel]);

  const model = getModel(draft.model);
  const rules = rulesOf(operation, draft.model);
  const params = toImageParams(operation, draft);
  const problems = [
    ...blockers,
    ...checkParams(operation, params).map((issue) =>
      sendProblem(issue, draft.prompt, rules.promptMax),
    ),
  ];
  if (!draft.prompt.trim() && !problems.includes('Write a prompt first.'))
    problems.push('Write a prompt first.');
  if (offered.length === 0 && !draft.custom)
    problems.push(`Set up a model for ${provider.name} in the provider settings.`);

  const submit = () => {
    if (problems.length > 0) return;
    // The history (and its stored records) loads with the first send, not the first screen.
    // Offline before it ever loaded, this one send is left out of the history: the request
    // itself says what failed (a history is a convenience, not worth a second message).
    import('./library/prompt-history.ts').then(
      ({ usePromptHistory }) => usePromptHistory.getState().record(operation, params),
      () => undefined,
    );
    onSubmit({ provider, params, servedModel: draft.servedModel });
  };
  useSendFromAnywhere(operation, submit);

  return (
    <div className="prompt-panel" ref={panelRef}>
      <div className="prompt-panel__scroll">
        <ProviderButton />
        {children}
        <PromptField
          value={draft.prompt}
          max={rules.promptMax ?? 0}
          onChange={(prompt) => setPrompt(operation, prompt)}
          textareaRef={promptRef}
          placeholder={PLACEHOLDER[operation]}
        />
        {undo || promptNotes.length > 0 ? (
          // A load (Reuse settings, history, preset) is said by the prompt it replaced.
          <FieldNote
            field="Prompt"
            onDismiss={() => dismissNotice(operation, 'Prompt')}
            action={
              undo ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => undoApply(operation)}
                >
                  Undo
                </button>
              ) : null
            }
          >
            {[undo?.loaded, ...promptNotes].filter(Boolean).join(' ')}
          </FieldNote>
        ) : null}
        <PromptLibraryButtons operation={operation} prompt={draft.prompt} params={params} />
        <FieldErrorsContext.Provider value={fieldErrors}>
          <FieldNotesContext.Provider value={fieldNotes}>
            <ModelPicker
              operation={operation}
              provider={provider}
              draft={draft}
              now={now}
              onSelect={(choice) => selectModel(operation, choice)}
            />
            <SettingsForm
              modelLabel={model.label}
              rules={rules}
              settings={draft.settings}
              oneImage={oneImage ?? null}
              onChange={(patch) => updateSettings(operation, patch)}
            />
          </FieldNotesContext.Provider>
        </FieldErrorsContext.Provider>
      </div>
      <div className="prompt-panel__footer">
        <SubmitButton label={submitLabel} problems={problems} onSubmit={submit} />
        {problems.length === 0 ? (
          <CostEstimate
            provider={provider}
            operation={operation}
            params={params}
            inputs={inputs}
            plan={plan?.(params) ?? null}
          />
        ) : null}
      </div>
    </div>
  );
}

/**
 * Focuses the control of the field labelled `label` in the panel (its label points at it);
 * one folded away under More settings is not there, and the prompt takes the focus instead.
 */
function focusField(panel: HTMLElement | null, label: string, fallback: HTMLElement | null) {
  const labels = panel?.querySelectorAll<HTMLLabelElement>('label.form-field__label') ?? [];
  const field = [...labels].find((l) => l.textContent?.trim() === label);
  const control = field?.htmlFor ? document.getElementById(field.htmlFor) : null;
  // A group of choices (Background, Output format) is focused through its chosen option.
  const target =
    control && control.tabIndex < 0
      ? control.querySelector<HTMLElement>('[aria-checked="true"], [tabindex="0"], button, input')
      : control;
  (target ?? fallback)?.focus();
}
