// On the welcome's last step: who may always reach the parent during family time. The
// usual few as toggles, each added or taken off at once; their own words, and which site
// a name is for, in settings ("Always let these through").
import { useEffect, useState } from 'preact/hooks';
import { foldText } from '../../core/letThrough';
import { t } from '../../i18n';
import type { LetThroughView } from '../../messages';
import { ask } from '../shared/client';
import { LET_THROUGH_IDEAS } from '../shared/letThroughIdeas';

export function LetThroughChoice({ announce }: { announce: (text: string) => void }) {
  const [view, setView] = useState<LetThroughView | null>(null);
  useEffect(() => {
    void ask({ type: 'letThrough' }).then(setView, () => undefined);
  }, []);
  if (!view) return null;

  const ruleFor = (words: string) => view.rules.find((r) => r.siteId === undefined && foldText(r.text) === foldText(words));
  const toggle = async (words: string) => {
    const rule = ruleFor(words);
    try {
      if (rule) {
        setView(await ask({ type: 'removeLetThrough', id: rule.id }));
        announce(t('letThroughRemoved', [words]));
      } else {
        const answer = await ask({ type: 'addLetThrough', text: words });
        if (!answer.ok) return announce(answer.error);
        setView(answer);
        announce(t('letThroughAdded', [words]));
      }
    } catch {
      announce(t('letThroughProblem'));
    }
  };

  return (
    <div class="let-through-choice" role="group" aria-labelledby="let-through-choice-title">
      <p id="let-through-choice-title">{t('onboardingLetThrough')}</p>
      <ul class="tools">
        {LET_THROUGH_IDEAS.map((key) => (
          <li key={key}>
            <button type="button" aria-pressed={ruleFor(t(key)) ? 'true' : 'false'} onClick={() => void toggle(t(key))}>
              {t(key)}
            </button>
          </li>
        ))}
      </ul>
      <p class="note">{t('onboardingLetThroughNote')}</p>
    </div>
  );
}
