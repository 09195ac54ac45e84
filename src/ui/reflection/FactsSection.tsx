// Ways through and early endings from the last 30 days, newest first, each a plain
// sentence and never a fault. The first few show; "Show all" opens the rest in place.
import { useId, useState } from 'preact/hooks';
import type { ReflectionFact } from '../../core/reflection';
import { t } from '../../i18n';
import { factSentence, formatNumber } from './format';

/** How many facts show before "Show all". */
const FACTS_SHOWN = 5;

export function FactsSection({ facts, now }: { facts: ReflectionFact[]; now: number }) {
  const [all, setAll] = useState(false);
  const listId = useId();
  const shown = all ? facts : facts.slice(0, FACTS_SHOWN);
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title">{t('reflectionFactsTitle')}</h2>
      {facts.length === 0 ? (
        <p class="note">{t('reflectionFactsNone')}</p>
      ) : (
        <>
          <p class="note">{t('reflectionFactsNote')}</p>
          <ul class="facts" id={listId} aria-labelledby="facts-title">
            {shown.map((f) => (
              <li key={`${f.kind}|${f.at}|${f.label}`}>{factSentence(f, now)}</li>
            ))}
          </ul>
          {facts.length > FACTS_SHOWN && (
            <button type="button" class="link" aria-expanded={all} aria-controls={listId} onClick={() => setAll(!all)}>
              {all ? t('reflectionFactsFewer') : t('reflectionFactsAll', [formatNumber(facts.length)])}
            </button>
          )}
        </>
      )}
    </section>
  );
}
