// The day chart's geometry, in SVG units (the SVG scales to the page's width): the
// scale's top line, where each bar and its labels go, and which days carry a label
// underneath. Numbers only; the words are format.ts's and the drawing is DayChart's.
import type { DayTotal } from '../../core/reflection';
import { weekdayOf } from '../../core/wallclock';

/** The smallest of these at or above the highest day: the chart's top line, in hours. */
export const SCALES = [1, 2, 4, 6, 8, 12, 18, 24, 30];

export const WIDTH = 640;
/** Room on the left for the scale's words. */
export const AXIS = 44;
/** Room above the plot for the figure over the tallest bar. */
export const TOP = 22;
export const PLOT = 150;
/** Room below the plot for the day labels. */
export const BOTTOM = 26;
export const HEIGHT = TOP + PLOT + BOTTOM;

/** A day with any family time shows at least this sliver; an empty day a faint mark of EMPTY_HEIGHT. */
const MIN_HEIGHT = 3;
const EMPTY_HEIGHT = 1.5;
/** How many days before a Monday's label a day's own label would run into it (30 days). */
const CROWDED_DAYS = 3;

export interface GridLine {
  hours: number;
  y: number;
}

export interface Bar {
  day: DayTotal;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Corner radius. */
  rx: number;
  /** The middle of the bar, where its figure and label are centred. */
  middle: number;
  /** Where the short figure over the bar sits: only in a week, only on a day with family time. */
  valueY: number | null;
  /** What the label under the bar says: the weekday, the date, or nothing. */
  label: 'weekday' | 'date' | null;
  isToday: boolean;
}

export interface ChartGeometry {
  /** Hours at the top line. */
  scale: number;
  /** The bottom, middle and top lines of the scale. */
  grid: GridLine[];
  bars: Bar[];
  /** The baseline of the day labels. */
  labelY: number;
}

/** The top line for `days`: the first of SCALES at or above the highest day, else that day's whole hours. */
export function chartScale(days: readonly DayTotal[]): number {
  const most = days.reduce((m, d) => Math.max(m, d.hours), 0);
  return SCALES.find((s) => s >= most) ?? Math.ceil(most);
}

/**
 * Which days carry a label: every day of a week; in 30 days, Mondays, and today when
 * no Monday label sits close enough before it to run into it.
 */
export function dayLabels(days: readonly DayTotal[], today: string): ('weekday' | 'date' | null)[] {
  if (days.length <= 7) return days.map(() => 'weekday');
  const mondays = days.map((d) => weekdayOf(d.date) === 1);
  return days.map((d, i) => {
    const crowded = mondays.slice(Math.max(0, i - CROWDED_DAYS), i).some(Boolean);
    return mondays[i] || (d.date === today && !crowded) ? 'date' : null;
  });
}

/** Where everything goes for `days` (oldest first), with `today` a date key. */
export function chartGeometry(days: readonly DayTotal[], today: string): ChartGeometry {
  const scale = chartScale(days);
  const slot = (WIDTH - AXIS) / days.length;
  const width = slot * (days.length > 7 ? 0.7 : 0.56);
  const y = (hours: number) => TOP + PLOT - (hours / scale) * PLOT;
  const week = days.length <= 7;
  const labels = dayLabels(days, today);
  const bars = days.map((day, i): Bar => {
    const x = AXIS + i * slot + (slot - width) / 2;
    const height = day.hours > 0 ? Math.max(MIN_HEIGHT, (day.hours / scale) * PLOT) : EMPTY_HEIGHT;
    return {
      day,
      x,
      y: TOP + PLOT - height,
      width,
      height,
      rx: Math.min(4, width / 4),
      middle: x + width / 2,
      valueY: week && day.hours > 0 ? TOP + PLOT - height - 6 : null,
      label: labels[i] ?? null,
      isToday: day.date === today,
    };
  });
  return { scale, grid: [0, scale / 2, scale].map((hours) => ({ hours, y: y(hours) })), bars, labelY: HEIGHT - 8 };
}
