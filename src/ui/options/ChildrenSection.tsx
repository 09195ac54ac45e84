// "Your children": the age ranges prompts should suit, if the parent wants to say.
// Optional, never asked for elsewhere; none ticked means prompts for every age.
import { useEffect, useState } from 'preact/hooks';
import { AGE_RANGES, type AgeRange } from '../../core/prompts';
import { t } from '../../i18n';
import { ask, failureText } from '../shared/client';
import { useWorkerView } from '../shared/workerView';
import { SETTINGS_CHANGED_EVENT } from './ImportExportSection';
import { SaveOutcome } from './SaveOutcome';

const AGE_LABELS: Record<AgeRange, string> = {
  baby: 'childrenAgeBaby',
  little: 'childrenAgeLittle',
  school: 'childrenAgeSchool',
  teen: 'childrenAgeTeen',
};

export function ChildrenSection() {
  const { view, setView, refresh, inTurn } = useWorkerView('settings');
  const [said, setSaid] = useState('');
  const [problem, setProblem] = useState('');

  useEffect(() => {
    void refresh();
    const onChange = () => void refresh();
    window.addEventListener(SETTINGS_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(SETTINGS_CHANGED_EVENT, onChange);
  }, [refresh]);

  if (!view) return null;
  const ages = view.settings.childAges;
  const toggle = (age: AgeRange, on: boolean) => {
    // Kept in the library's order, so the stored list reads the same however it was ticked.
    const next = AGE_RANGES.filter((a) => (a === age ? on : ages.includes(a)));
    setView((v) => v && { ...v, settings: { ...v.settings, childAges: next } });
    void inTurn(async () => {
      try {
        const result = await ask({ type: 'saveChildAges', ages: next });
        setProblem(result.ok ? '' : result.problems.join(' '));
        setSaid(result.ok ? t('noticesSaved') : '');
        if (result.ok) return;
      } catch (error) {
        setProblem(failureText(error, t('noticesActionProblem')));
      }
      // Not saved: show what is.
      void refresh();
    });
  };

  return (
    <section aria-labelledby="children-title">
      <h2 id="children-title">{t('childrenTitle')}</h2>
      <fieldset class="stack">
        <legend>{t('childrenLegend')}</legend>
        {AGE_RANGES.map((age) => (
          <label class="check" key={age}>
            <input type="checkbox" checked={ages.includes(age)} onChange={(e) => toggle(age, (e.target as HTMLInputElement).checked)} />
            {t(AGE_LABELS[age])}
          </label>
        ))}
      </fieldset>
      <p class="note">{t('childrenNote')}</p>
      <SaveOutcome problem={problem} said={said} />
    </section>
  );
}
