// The day chart's geometry, in numbers: the scale's top line, where each bar goes and
// how tall it is, the figures over a week's bars, and which of 30 days carry a label
// (Mondays, found by the calendar, so a clock change cannot move them).
import { describe, expect, test } from 'vitest';
import type { DayTotal } from '../../core/reflection';
import { addDays } from '../../core/wallclock';
import { AXIS, chartGeometry, chartScale, dayLabels, HEIGHT, PLOT, SCALES, TOP, WIDTH } from './chart';

const BASELINE = TOP + PLOT;

/** `hours.length` days ending on `last`, oldest first. `start` is only carried through here. */
function series(last: string, hours: number[]): DayTotal[] {
  return hours.map((h, i) => {
    const date = addDays(last, i - hours.length + 1);
    return { date, start: Date.parse(`${date}T00:00:00Z`), hours: h };
  });
}

describe('the scale', () => {
  test('an empty week, or no days at all, is drawn against one hour', () => {
    expect(chartScale(series('2026-03-11', [0, 0, 0, 0, 0, 0, 0]))).toBe(1);
    expect(chartScale([])).toBe(1);
  });

  test('the top line is the first step at or above the highest day', () => {
    expect(chartScale(series('2026-03-11', [0.2]))).toBe(1);
    expect(chartScale(series('2026-03-11', [0, 1, 0.5]))).toBe(1);
    expect(chartScale(series('2026-03-11', [1.01]))).toBe(2);
    expect(chartScale(series('2026-03-11', [2, 5.5, 3]))).toBe(6);
    expect(chartScale(series('2026-03-11', [12.5]))).toBe(18);
    expect(chartScale(series('2026-03-11', [24]))).toBe(24);
    expect(SCALES.at(-1)).toBe(30);
  });

  test('beyond the last step, the highest day rounded up to whole hours', () => {
    expect(chartScale(series('2026-03-11', [30.2]))).toBe(31);
  });

  test('grid lines at nothing, half and the top, from the baseline up', () => {
    const { grid } = chartGeometry(series('2026-03-11', [0, 3, 1.5, 0, 0, 0, 5.9]), '2026-03-11');
    expect(grid).toEqual([
      { hours: 0, y: BASELINE },
      { hours: 3, y: BASELINE - PLOT / 2 },
      { hours: 6, y: TOP },
    ]);
  });
});

describe('bars', () => {
  test('a week: seven slots across the plot, each bar 56% of its slot and centred in it', () => {
    const days = series('2026-03-11', [1, 2, 3, 4, 0, 0, 6]);
    const { bars } = chartGeometry(days, '2026-03-11');
    const slot = (WIDTH - AXIS) / 7;
    expect(bars).toHaveLength(7);
    bars.forEach((bar, i) => {
      expect(bar.width).toBeCloseTo(slot * 0.56, 9);
      expect(bar.x).toBeCloseTo(AXIS + i * slot + slot * 0.22, 9);
      expect(bar.middle).toBeCloseTo(AXIS + (i + 0.5) * slot, 9);
      expect(bar.rx).toBe(4);
      expect(bar.day).toBe(days[i]);
    });
    expect(bars[0]!.x).toBeGreaterThan(AXIS);
    expect(bars[6]!.x + bars[6]!.width).toBeLessThan(WIDTH);
  });

  test('heights scale with the top line; the highest day reaches it', () => {
    const { bars, scale } = chartGeometry(series('2026-03-11', [1, 2, 3, 4, 0, 0, 6]), '2026-03-11');
    expect(scale).toBe(6);
    expect(bars.map((b) => b.height)).toEqual([25, 50, 75, 100, 1.5, 1.5, 150]);
    expect(bars[6]!.y).toBe(TOP);
    for (const bar of bars) expect(bar.y + bar.height).toBe(BASELINE);
  });

  test('a day with any family time shows at least a sliver; an empty day a faint mark', () => {
    const { bars } = chartGeometry(series('2026-03-11', [0.001, 0, 24]), '2026-03-11');
    expect(bars.map((b) => b.height)).toEqual([3, 1.5, 150]);
  });

  test('a week shows a figure over each day with family time, 6 units above the bar', () => {
    const { bars } = chartGeometry(series('2026-03-11', [1, 0, 0.5, 0, 0, 0, 2]), '2026-03-11');
    expect(bars.map((b) => b.valueY)).toEqual([BASELINE - 75 - 6, null, BASELINE - 37.5 - 6, null, null, null, TOP - 6]);
  });

  test('an empty week: seven faint marks on the baseline, no figures', () => {
    const { bars } = chartGeometry(series('2026-03-11', [0, 0, 0, 0, 0, 0, 0]), '2026-03-11');
    expect(bars.map((b) => [b.y, b.height, b.valueY])).toEqual(Array(7).fill([BASELINE - 1.5, 1.5, null]));
  });

  test('one day: the whole plot is its slot', () => {
    const { bars } = chartGeometry(series('2026-03-11', [2]), '2026-03-11');
    const slot = WIDTH - AXIS;
    expect(bars).toHaveLength(1);
    expect(bars[0]!.x).toBeCloseTo(AXIS + slot * 0.22, 9);
    expect(bars[0]!.width).toBeCloseTo(slot * 0.56, 9);
    expect(bars[0]).toMatchObject({ rx: 4, y: TOP, height: PLOT, label: 'weekday', isToday: true });
  });

  test('30 days: narrow bars at 70% of their slot, corners a quarter of the width, no figures', () => {
    const { bars } = chartGeometry(series('2026-03-11', Array(30).fill(1)), '2026-03-11');
    const slot = (WIDTH - AXIS) / 30;
    expect(bars[0]!.width).toBeCloseTo(slot * 0.7, 9);
    expect(bars[0]!.rx).toBeCloseTo((slot * 0.7) / 4, 9);
    expect(bars.every((b) => b.valueY === null)).toBe(true);
  });

  test('day labels sit in the room under the plot; only today is marked as today', () => {
    const { bars, labelY } = chartGeometry(series('2026-03-11', [1, 1, 1]), '2026-03-11');
    expect(labelY).toBe(HEIGHT - 8);
    expect(labelY).toBeGreaterThan(BASELINE);
    expect(bars.map((b) => b.isToday)).toEqual([false, false, true]);
  });
});

describe('which days carry a label', () => {
  test('every day of a week', () => {
    expect(dayLabels(series('2026-03-11', [0, 0, 0, 0, 0, 0, 0]), '2026-03-11')).toEqual(Array(7).fill('weekday'));
  });

  test('in 30 days, the Mondays, and today when no Monday is close before it', () => {
    // 2026-03-11 is a Wednesday: the last Monday is two days before, so today has no label of its own.
    const crowded = series('2026-03-11', Array(30).fill(0));
    const labelled = (days: DayTotal[], today: string) =>
      dayLabels(days, today).flatMap((label, i) => (label ? [days[i]!.date] : []));
    expect(labelled(crowded, '2026-03-11')).toEqual(['2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09']);
    // 2026-03-14 is a Saturday: the Monday before is five days back, so today is labelled too.
    const clear = series('2026-03-14', Array(30).fill(0));
    expect(labelled(clear, '2026-03-14')).toEqual(['2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09', '2026-03-14']);
  });

  test('30 days across the clock change (29 March 2026 in Europe) still label the Mondays', () => {
    const days = series('2026-04-08', Array(30).fill(0));
    const labels = dayLabels(days, '2026-04-08');
    const mondays = days.filter((_, i) => labels[i] === 'date').map((d) => d.date);
    expect(mondays).toEqual(['2026-03-16', '2026-03-23', '2026-03-30', '2026-04-06']);
  });
});
