// The reflection page's words, in English (the extension's own messages) and in
// Europe/London, so the days around a clock change are real ones. The zone is set at
// import; the first test guards that it took effect.
process.env.TZ = 'Europe/London';

import { describe, expect, test } from 'vitest';
import { dailySeries } from '../../core/reflection';
import {
  axisHours,
  chartDayLabel,
  dayName,
  dayPhrase,
  factSentence,
  formatDuration,
  formatNumber,
  minutesText,
  monthLine,
  shortDuration,
  weekLead,
} from './format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** An instant by the London wall clock; month 1–12. */
const local = (y: number, mo: number, d: number, h = 0, mi = 0): number => new Date(y, mo - 1, d, h, mi).getTime();

/** Wednesday 11 March 2026, 8:30 pm. */
const NOW = local(2026, 3, 11, 20, 30);

/** Each [hours, words] row read by `format`, all at once: a failure shows every row that differs. */
const expectWords = (format: (hours: number) => string, rows: [hours: number, words: string][]) =>
  expect(rows.map(([hours]) => [hours, format(hours)])).toEqual(rows);

test('the zone took effect', () => {
  expect(new Date(local(2026, 7, 1)).getTimezoneOffset()).toBe(-60);
});

describe('durations', () => {
  test('nothing, under a minute, minutes, hours and minutes, whole hours', () => {
    expectWords(formatDuration, [
      [0, 'no family time'],
      [20 / 3600, 'less than a minute'],
      [1 / 60, '1 minute'],
      [0.75, '45 minutes'],
      [1, '1 hour'],
      [1.5, '1 hour 30 minutes'],
      [2.26, '2 hours 15 minutes'],
      [41.2, '41 hours'],
    ]);
  });

  test('numbers in the browser language', () => {
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(1.25, 1)).toBe('1.3');
    expect(minutesText(90)).toBe('90 minutes');
  });

  test('the short figure over a bar, and the scale', () => {
    expectWords(shortDuration, [
      [0, ''],
      [10 / 3600, '<1 min'],
      [0.75, '45 min'],
      [1.5, '1.5 h'],
      [2.26, '2.3 h'],
    ]);
    expectWords(axisHours, [
      [0, '0 h'],
      [0.5, '0.5 h'],
      [12, '12 h'],
    ]);
  });

  test('the lead and the month line, gently when there is nothing yet', () => {
    expect(weekLead(0)).toBe('No family time recorded yet this week');
    expect(weekLead(10 / 3600)).toBe('Less than a minute of family time this week');
    expect(weekLead(3.9)).toBe('3 hours 55 minutes of family time this week');
    expect(monthLine(0)).toBe('This month: none recorded yet');
    expect(monthLine(43.25)).toBe('This month: 43 hours');
  });
});

describe('days', () => {
  test('today, yesterday, a weekday within the week, else the date', () => {
    expect(dayPhrase(local(2026, 3, 11, 7), NOW)).toBe('today');
    expect(dayPhrase(local(2026, 3, 10, 23, 59), NOW)).toBe('yesterday');
    expect(dayPhrase(local(2026, 3, 5, 12), NOW)).toBe('on Thursday');
    expect(dayPhrase(local(2026, 3, 4, 12), NOW)).toBe('on March 4');
  });

  test("a day's name in the chart and the table says which is today", () => {
    const [yesterday, today] = dailySeries([], 2, NOW);
    expect(dayName(today!, NOW)).toBe('Today, Wednesday, March 11');
    expect(dayName(yesterday!, NOW)).toBe('Tuesday, March 10');
  });

  test('under a bar: the short weekday, or the short date', () => {
    expect(chartDayLabel('weekday', local(2026, 3, 11))).toBe('Wed');
    expect(chartDayLabel('date', local(2026, 3, 9))).toBe('Mar 9');
  });

  test('across the clock change, each day keeps its own name', () => {
    // 29 March 2026: the clocks go forward, and that day has 23 hours.
    const days = dailySeries([], 3, local(2026, 3, 30, 12));
    expect(days.map((d) => chartDayLabel('date', d.start))).toEqual(['Mar 28', 'Mar 29', 'Mar 30']);
    expect(days.map((d) => chartDayLabel('weekday', d.start))).toEqual(['Sat', 'Sun', 'Mon']);
    expect(dayPhrase(local(2026, 3, 29, 0, 30), local(2026, 3, 30, 0, 30))).toBe('yesterday');
  });
});

describe('facts', () => {
  test('a way through, with and without its length', () => {
    expect(factSentence({ at: NOW - HOUR, label: 'Slack', kind: 'way-through', minutes: 10 }, NOW)).toBe(
      'You went through to Slack for 10 minutes today',
    );
    expect(factSentence({ at: NOW - 3 * 24 * HOUR, label: 'Gmail', kind: 'way-through' }, NOW)).toBe(
      'You went through to Gmail on Sunday',
    );
  });

  test('a way through says how long it really lasted: cut short, under a minute, or open still', () => {
    const slack = { at: NOW - HOUR, label: 'Slack', kind: 'way-through' } as const;
    expect(factSentence({ ...slack, minutes: 1 }, NOW)).toBe('You went through to Slack for 1 minute today');
    expect(factSentence({ ...slack, minutes: 0 }, NOW)).toBe('You went through to Slack for less than a minute today');
    expect(factSentence({ ...slack, minutes: 3, open: true }, NOW)).toBe('You went through to Slack today, open now: 3 minutes so far');
    expect(factSentence({ ...slack, minutes: 0, open: true }, NOW)).toBe('You went through to Slack today, open now: less than a minute so far');
  });

  test('an early ending, with its day and time', () => {
    expect(factSentence({ at: local(2026, 3, 10, 18, 45), label: 'Dinner', kind: 'ended-early' }, NOW)).toBe(
      'Dinner ended early yesterday at 6:45 PM',
    );
  });
});
