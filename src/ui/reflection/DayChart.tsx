// The day chart: a bar a day under a scale of hours, each bar a labelled image (its day
// and its time in words), so a screen reader hears what a sighted parent sees. Where
// things go is worked out in chart.ts; the words come from format.ts.
import type { DayTotal } from '../../core/reflection';
import { formatDateKey } from '../../core/wallclock';
import { t } from '../../i18n';
import { AXIS, chartGeometry, HEIGHT, WIDTH } from './chart';
import { axisHours, chartDayLabel, dayName, formatDuration, shortDuration } from './format';

interface Props {
  days: DayTotal[];
  /** The element whose words name the chart. */
  titleId: string;
  now: number;
}

export function DayChart({ days, titleId, now }: Props) {
  const { grid, bars, labelY } = chartGeometry(days, formatDateKey(now));
  return (
    <svg
      class="chart"
      role="group"
      aria-labelledby={titleId}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <g class="grid" aria-hidden="true">
        {grid.map((line) => (
          <g key={line.hours}>
            <line x1={AXIS} x2={WIDTH} y1={line.y} y2={line.y} />
            <text x={AXIS - 6} y={line.y} dy="0.32em" text-anchor="end">
              {axisHours(line.hours)}
            </text>
          </g>
        ))}
      </g>
      {bars.map((bar) => {
        const { day } = bar;
        const label = t('reflectionBarLabel', [dayName(day, now), formatDuration(day.hours)]);
        return (
          // Named by its <title> alone (a tooltip too): an aria-label beside it made the
          // title its description, and each bar was read twice.
          <g key={day.date} role="img">
            <title>{label}</title>
            <rect
              class={day.hours > 0 ? 'bar' : 'bar empty'}
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
              rx={bar.rx}
            />
            {bar.valueY !== null && (
              <text class="value" aria-hidden="true" x={bar.middle} y={bar.valueY} text-anchor="middle">
                {shortDuration(day.hours)}
              </text>
            )}
            {bar.label && (
              <text class={bar.isToday ? 'day today' : 'day'} aria-hidden="true" x={bar.middle} y={labelY} text-anchor="middle">
                {chartDayLabel(bar.label, day.start)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
