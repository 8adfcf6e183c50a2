/**
 * A provider's refusal that names a parameter ("does not support quality 'xhigh'", param
 * quality), kept per operation until the designer changes a setting, so the form can show it
 * on the field it is about. Set by the job runner when a request fails (jobs/run-image-job.ts).
 */
import { create } from 'zustand';
import { settingLabel } from '../../api/params.ts';
import type { DraftOperation } from './settings/draft-settings.ts';

interface ProviderFieldErrors {
  /** Field label → message, per operation. */
  errors: Record<DraftOperation, Record<string, string>>;
}

export const useProviderFieldErrors = create<ProviderFieldErrors>()(() => ({
  errors: { generate: {}, edit: {} },
}));

export function showProviderFieldError(
  operation: DraftOperation,
  param: string,
  message: string,
): void {
  useProviderFieldErrors.setState((s) => ({
    errors: { ...s.errors, [operation]: { [settingLabel(param)]: message } },
  }));
}

export function clearProviderFieldErrors(operation: DraftOperation): void {
  if (Object.keys(useProviderFieldErrors.getState().errors[operation]).length === 0) return;
  useProviderFieldErrors.setState((s) => ({ errors: { ...s.errors, [operation]: {} } }));
}
