import { isUnreachable } from '../../api/errors.ts';
import {
  openProviderKeySettings,
  openProviderSettings,
} from '../providers/provider-dialog-store.ts';
import { useReachability } from '../providers/reachability-store.ts';
import { useDraftStore } from '../prompt/draft-store.ts';
import { focusPrompt, focusSetting } from '../prompt/prompt-focus.ts';
import { settingLabel } from '../../api/params.ts';
import { applySettings } from '../prompt/apply-settings.ts';
import { usePanelDrawer } from '../../lib/ui/panel-drawer.tsx';
import type { ImageJob, JobFailure } from './job-store.ts';
import { rerunJob } from './run-image-job.ts';
import { getModel } from '../../api/model-lookup.ts';
import { keptOfRateLimitHint, rateLimitHint } from '../../api/error-from-response.ts';
import { useNowUntil } from '../../lib/use-now.ts';

/** What went wrong, in the provider's words too, and the one action most likely to help. */
export function JobError({ job, error }: { job: ImageJob; error: JobFailure }) {
  const reachability = useReachability(job.providerOrigin);
  const hint = useWaitHint(job, error);
  if (isUnreachable(error) && reachability === 'reachable') return <ProviderBack job={job} />;
  const draftOperation = job.operation === 'edit' ? 'edit' : 'generate';
  const forward = error.forward;
  let primary: { label: string; run: () => void } | null = null;
  switch (forward.action) {
    case 'reword-prompt':
      primary = { label: 'Edit the prompt', run: () => rewordPrompt(job, draftOperation) };
      break;
    case 'open-provider-settings':
      // A refused or missing key: the settings open with the cursor in the key field.
      primary = {
        label: 'Open provider settings',
        run: error.kind === 'auth' ? openProviderKeySettings : openProviderSettings,
      };
      break;
    case 'check-connection':
      primary = { label: 'Open provider settings', run: openProviderSettings };
      break;
    case 'check-billing':
      // Credit is added on the provider's own site; here the studio offers the other way on.
      primary = { label: 'Use another provider', run: openProviderSettings };
      break;
    case 'choose-model':
      if (forward.suggestion) {
        const suggestion = forward.suggestion;
        primary = {
          label: `Switch to ${getModel(suggestion).label}`,
          run: () => {
            useDraftStore.getState().selectModel(draftOperation, { model: suggestion });
            // Shown where it happened: on a phone the panel is a closed sheet.
            goToSetting(draftOperation, 'Model');
          },
        };
      } else if (job.operation !== 'variation') {
        // No model to suggest: the way forward is the Model field itself.
        primary = { label: 'Change Model', run: () => goToSetting(draftOperation, 'Model') };
      }
      break;
    case 'fix-setting':
      // A variation has no form to change; an edit's or generation's setting is in its panel.
      if (job.operation !== 'variation') {
        const label = settingLabel(forward.param);
        primary = {
          label: `Change ${label}`,
          run: () => goToSetting(draftOperation, label),
        };
      }
      break;
    case 'wait':
    case 'try-again':
      primary = { label: 'Try again', run: () => rerunJob(job.id) };
      break;
    default:
      break;
  }
  return (
    <div className="job-error" role="alert">
      <p className="job-error__title">{error.title}</p>
      {error.detail ? <p className="job-error__detail">“{error.detail}”</p> : null}
      <p className="job-error__hint">{hint}</p>
      <div className="job-error__actions">
        {primary ? (
          <button type="button" className="button button--small" onClick={primary.run}>
            {primary.label}
          </button>
        ) : null}
        {primary?.label !== 'Try again' && !refusedAgainAsIs(error) ? (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => rerunJob(job.id)}
          >
            Try again
          </button>
        ) : null}
      </div>
    </div>
  );
}

/**
 * A request the provider would refuse again unchanged: a refused prompt, a setting it does not
 * accept, a model it does not serve (when the way forward is another model; an Azure resource
 * missing a deployment serves it again once the deployment is added). Its card offers the
 * change, not the same request again.
 */
function refusedAgainAsIs(error: JobFailure): boolean {
  if (error.kind === 'safety' || error.kind === 'bad_request') return true;
  return error.kind === 'model_unavailable' && error.forward.action === 'choose-model';
}

/**
 * The hint, with a rate limit's wait counted down from when the job ended: "Wait 3 seconds",
 * read a minute later, would still ask the designer to wait.
 */
function useWaitHint(job: ImageJob, error: JobFailure): string {
  const { forward } = error;
  const until =
    forward.action === 'wait' && forward.seconds !== null && job.endedAt !== undefined
      ? job.endedAt + forward.seconds * 1000
      : null;
  const now = useNowUntil(until);
  if (until === null) return error.hint;
  return rateLimitHint(Math.max(0, until - now) / 1000, keptOfRateLimitHint(error.hint));
}

/**
 * "Edit the prompt" after a refusal: the refused prompt, not whatever the panel holds now (the
 * designer may have sent others since), in view and with the caret in it. Loading it is the
 * undoable Reuse settings, so a draft it replaces is one Undo away; on a phone the prompt is
 * in a closed sheet, which is opened (wide screens show the panel anyway).
 */
function rewordPrompt(job: ImageJob, operation: 'generate' | 'edit') {
  if (useDraftStore.getState().drafts[operation].prompt !== job.prompt) {
    applySettings(operation, job.result?.params ?? job.params);
  }
  usePanelDrawer.getState().setOpen(operation, true);
  focusPrompt(operation);
}

/** Opens the panel (a sheet on a phone) at the setting a refusal is about. */
function goToSetting(operation: 'generate' | 'edit', label: string) {
  usePanelDrawer.getState().setOpen(operation, true);
  focusSetting(operation, label);
}

/**
 * The server this request could not reach answers again. Nothing is resent on its own (a
 * request may cost money): the designer chooses to try again.
 */
function ProviderBack({ job }: { job: ImageJob }) {
  return (
    <div className="job-error job-error--resolved" role="alert">
      <p className="job-error__title">{job.providerName} is back.</p>
      <p className="job-error__hint">
        It answers again. Nothing was sent while it was away; try again to send this request.
      </p>
      <div className="job-error__actions">
        <button type="button" className="button button--small" onClick={() => rerunJob(job.id)}>
          Try again
        </button>
      </div>
    </div>
  );
}
