// Step 3: what Hearth will do, in plain words, who may always reach the parent, and anything that kept the save from
// going through, right here next to the Done button.
import { t } from '../../i18n';
import type { BoundaryWindow } from '../../core/types';
import type { SitesView } from '../../messages';
import { LetThroughChoice } from './LetThroughChoice';
import { listWords, whenWords } from './words';

interface SummaryStepProps {
  sites: SitesView | null;
  windows: readonly BoundaryWindow[];
  saved: boolean;
  saveProblems: readonly string[];
  onChangeTimes: () => void;
  announce: (text: string) => void;
}

export function SummaryStep({ sites, windows, saved, saveProblems, onChangeTimes, announce }: SummaryStepProps) {
  const names = sites?.sites.map((s) => s.name) ?? [];
  return (
    <>
      <p>{names.length > 0 ? t('onboardingSummarySites', [listWords(names)]) : t('onboardingSummaryNoSites')}</p>
      {windows.length > 0 ? (
        <>
          <p id="summary-times">{t('onboardingSummaryTimes')}</p>
          <ul class="summary-times" aria-labelledby="summary-times">
            {windows.map((w) => (
              <li key={w.id}>{t('onboardingSummaryTime', [w.label, whenWords(w)])}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('onboardingSummaryNoTimes')}</p>
      )}
      <LetThroughChoice announce={announce} />
      {!saved && <p class="note">{t('onboardingSummaryDone')}</p>}
      {saveProblems.length > 0 && (
        <div class="problems" role="alert">
          <p>{t('onboardingSaveProblems')}</p>
          <ul>
            {saveProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p>
            <button type="button" onClick={onChangeTimes}>
              {t('onboardingChangeTimes')}
            </button>
          </p>
        </div>
      )}
      {saved && (
        <p id="ready-note" class="ready" tabIndex={-1}>
          {t('onboardingReady')}
        </p>
      )}
    </>
  );
}
