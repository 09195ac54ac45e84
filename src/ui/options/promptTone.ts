// The tone check of a prompt in the parent's own words runs in the page that adds it:
// the worker, loaded at every wake, need not carry the tone rules for one form.
import { toneProblems } from '../../core/tone';
import { t } from '../../i18n';

/** The kind sentence about the first pressure word in `text`, or null when there is none. */
export function toneRefusal(text: string): string | null {
  const [problem] = toneProblems(text);
  if (problem === undefined) return null;
  return t(problem.includes(' ') ? 'promptErrorTonePhrase' : 'promptErrorToneWord', [problem]);
}
