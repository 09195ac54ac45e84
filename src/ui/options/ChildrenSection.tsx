// "Your children": the age ranges prompts should suit, if the parent wants to say.
// Optional, never asked for elsewhere; none ticked means prompts for every age.
import { AGE_RANGES, type AgeRange } from '../../core/prompts';
import { t } from '../../i18n';
import { ask } from '../shared/client';
import { SaveOutcome } from './SaveOutcome';
import { useSettingsPart } from './useSettingsPart';

const AGE_LABELS: Record<AgeRange, string> = {
  baby: 'childrenAgeBaby',
  little: 'childrenAgeLittle',
  school: 'childrenAgeSchool',
  teen: 'childrenAgeTeen',
};

export function ChildrenSection() {
  const { settings, save, said, problem } = useSettingsPart();
  if (!settings) return null;
  const ages = settings.childAges;
  const toggle = (age: AgeRange, on: boolean) => {
    // Kept in the library's order, so the stored list reads the same however it was ticked.
    const next = AGE_RANGES.filter((a) => (a === age ? on : ages.includes(a)));
    save((s) => ({ ...s, childAges: next }), () => ask({ type: 'saveChildAges', ages: next }));
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
