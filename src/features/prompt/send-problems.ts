import type { ParamIssue } from '../../api/params-check.ts';
import { settingLabel } from '../../api/params.ts';
import { groupDigits } from '../../lib/group-digits.ts';

/**
 * A reason the Generate (or Apply) button gives for not sending, in the panel's words: a
 * prompt over the limit is said once, with its digits grouped as the counter under it shows
 * them ("1,350 / 1,000"). The engine's own check keeps its wording for its answers.
 */
export function sendProblem(issue: ParamIssue, prompt: string, promptMax: number | null): string {
  if (issue.param === 'prompt') {
    if (!prompt.trim()) return 'Write a prompt first.';
    if (promptMax !== null && prompt.length > promptMax) {
      return (
        `Prompt: ${groupDigits(prompt.length)} characters, ` +
        `${groupDigits(prompt.length - promptMax)} over this model’s limit of ${groupDigits(promptMax)}.`
      );
    }
  }
  return `${settingLabel(issue.param)}: ${issue.message}`;
}
