import { useEffect, useRef, type ReactNode } from 'react';
import { getModel } from '../../api/model-lookup.ts';
import { checkParams } from '../../api/params-check.ts';
import { settingLabel, type ImageParams } from '../../api/params.ts';
import { providerModels, type Provider } from '../../api/provider.ts';
import { useActiveProvider } from '../providers/provider-store.ts';
import { ProviderButton } from '../providers/provider-button.tsx';
import { useDraftStore } from './draft-store.ts';
import { usePromptFocus } from './prompt-focus.ts';
import { useSendFromAnywhere } from './use-send-from-anywhere.ts';
import { rulesOf, toImageParams, type DraftOperation } from './settings/draft-settings.ts';
import { ModelPicker } from './components/model-picker.tsx';
import { PromptField } from './components/prompt-field.tsx';
import { SettingsForm } from './components/settings-form.tsx';
import { SettingsNotices } from './components/settings-notices.tsx';
import { SubmitButton } from './components/submit-button.tsx';
import { PromptLibraryButtons } from './library/prompt-library-buttons.tsx';
import { usePromptHistory } from './library/prompt-history.ts';
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
}: PromptPanelProps) {
  const provider = useActiveProvider();
  const draft = useDraftStore((s) => s.drafts[operation]);
  const notices = useDraftStore((s) => s.notices[operation]);
  const undo = useDraftStore((s) => s.undo[operation]);
  const { setPrompt, selectModel, updateSettings, dismissNotices, undoApply } =
    useDraftStore.getState();
  const focusRequest = usePromptFocus((s) => s.requests[operation]);
  const promptRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusRequest > 0) promptRef.current?.focus();
  }, [focusRequest]);

  // A provider offers its own list (Azure deployments, a compatible server's ids): when the
  // draft's model is not among them, move to one it offers. Local and OpenAI take the
  // table's ids, so a served id left over from another provider is dropped.
  const offered = providerModels(provider).filter((m) => getModel(m.model).operations[operation]);
  const mapped = provider.models !== undefined;
  const servedOk = mapped
    ? offered.some((m) => m.id === draft.servedModel && m.model === draft.model)
    : offered.some((m) => m.model === draft.model) && draft.servedModel === undefined;
  const target = servedOk
    ? undefined
    : (offered.find((m) => m.model === draft.model) ?? offered[0]);
  const targetModel = target?.model;
  const targetServed = mapped ? target?.id : undefined;
  const currentModel = draft.model;
  const providerName = provider.name;
  useEffect(() => {
    if (!targetModel) return;
    const why =
      targetModel === currentModel
        ? undefined
        : `Model: ${providerName} does not offer ${getModel(currentModel).label}; ` +
          `switched to ${getModel(targetModel).label}.`;
    selectModel(operation, targetModel, targetServed, why);
  }, [targetModel, targetServed, currentModel, providerName, operation, selectModel]);

  const model = getModel(draft.model);
  const rules = rulesOf(operation, draft.model);
  const params = toImageParams(operation, draft);
  const problems = [
    ...blockers,
    ...checkParams(operation, params).map(({ param, message }) =>
      param === 'prompt' && !draft.prompt.trim()
        ? 'Write a prompt first.'
        : `${settingLabel(param)}: ${message}`,
    ),
  ];
  if (!draft.prompt.trim() && !problems.includes('Write a prompt first.'))
    problems.push('Write a prompt first.');
  if (offered.length === 0)
    problems.push(`Set up a model for ${provider.name} in the provider settings.`);

  const submit = () => {
    if (problems.length > 0) return;
    usePromptHistory.getState().record(operation, params);
    onSubmit({ provider, params, servedModel: draft.servedModel });
  };
  useSendFromAnywhere(operation, submit);

  return (
    <div className="prompt-panel">
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
        <PromptLibraryButtons operation={operation} prompt={draft.prompt} params={params} />
        <ModelPicker
          operation={operation}
          provider={provider}
          draft={draft}
          onSelect={({ model: m, servedModel }) => selectModel(operation, m, servedModel)}
        />
        <SettingsNotices
          notices={notices}
          loaded={undo?.loaded ?? null}
          onUndo={() => undoApply(operation)}
          onDismiss={() => dismissNotices(operation)}
        />
        <SettingsForm
          modelLabel={model.label}
          rules={rules}
          settings={draft.settings}
          onChange={(patch) => updateSettings(operation, patch)}
        />
      </div>
      <div className="prompt-panel__footer">
        <SubmitButton label={submitLabel} problems={problems} onSubmit={submit} />
      </div>
    </div>
  );
}
