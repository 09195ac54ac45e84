// "Day by day": the last 7 or 30 days as a chart, and the same figures as a table for
// screen readers (hidden from sight, since the chart shows them).
import { useId } from 'preact/hooks';
import type { ReflectionView } from '../../core/reflection';
import { t } from '../../i18n';
import { DayChart } from './DayChart';
import { dayName, formatDuration } from './format';

export type Range = 7 | 30;

interface Props {
  view: ReflectionView;
  range: Range;
  onRange: (r: Range) => void;
}

export function DaysSection({ view, range, onRange }: Props) {
  const days = range === 7 ? view.last7Days : view.last30Days;
  const title = range === 7 ? t('reflectionChartTitle7') : t('reflectionChartTitle30');
  const titleId = useId();
  return (
    <section aria-labelledby="days-title">
      <h2 id="days-title">{t('reflectionDaysTitle')}</h2>
      <div class="range" role="group" aria-label={t('reflectionRangeLabel')}>
        <button type="button" aria-pressed={range === 7} onClick={() => onRange(7)}>
          {t('reflectionRange7')}
        </button>
        <button type="button" aria-pressed={range === 30} onClick={() => onRange(30)}>
          {t('reflectionRange30')}
        </button>
      </div>
      <p class="chart-title" id={titleId}>
        {title}
      </p>
      <DayChart days={days} titleId={titleId} now={view.now} />
      {/* Hidden by a wrapper: a table is never narrower than its text, whatever its own width. */}
      <div class="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reflectionTableDay')}</th>
              <th scope="col">{t('reflectionTableTime')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.date}>
                <th scope="row">{dayName(d, view.now)}</th>
                <td>{formatDuration(d.hours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
