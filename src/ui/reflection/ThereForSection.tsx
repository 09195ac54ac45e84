// "This week you were there for: Tuesday's Dinner, Maya's recital": the moments the
// parent chose this week and was there for to the end (core/weeklyLookBack.ts). Only
// those: a moment skipped or ended early is simply not here, and nothing is counted.
import { t } from '../../i18n';

export function ThereForSection({ names }: { names: string[] }) {
  if (names.length === 0) return null;
  return (
    <section class="there-for" aria-labelledby="there-for-title">
      <h2 id="there-for-title">{t('reflectionThereForTitle')}</h2>
      <ul>
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
    </section>
  );
}
