import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings/defaults';
import { at, inNewYork, sched, win } from '../../tests/unit/scheduleTesting';
import type { Weekday } from './types';
import { addDays } from './wallclock';
import { describeDays, describeWindow, occasionWord, occasionsOf, type ScheduleWords } from './windowSummary';

// Everything here runs in America/New_York (see tests/unit/scheduleTesting.ts).
inNewYork();

describe('guard', () => {
  it('the zone is America/New_York', () => {
    expect(new Date(Date.parse('2026-01-15T00:00:00Z')).getTimezoneOffset()).toBe(300);
    expect(new Date(Date.parse('2026-07-15T00:00:00Z')).getTimezoneOffset()).toBe(240);
  });
});

const overnight = win({ id: 'late', label: 'Late shift off', days: [3], start: '22:00', end: '06:30', endDayOffset: 1 });

const NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const words: ScheduleWords = {
  weekday: (d) => NAMES[d]!,
  time: (m) => {
    const h = Math.floor(m / 60);
    return `${h % 12 === 0 ? 12 : h % 12}:${String(m % 60).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'}`;
  },
  everyDay: 'Every day',
  weekdays: 'Weekdays',
  weekends: 'Weekends',
  dayRange: (a, b) => `${a} to ${b}`,
  dayList: (days) => (days.length <= 1 ? days.join('') : `${days.slice(0, -1).join(', ')} and ${days.at(-1)}`),
  timeRange: (a, b) => `${a} – ${b}`,
  nextDay: (t) => `${t} next day`,
  daysLater: (t, n) => `${t} ${n === 2 ? 'two' : n} days later`,
  dayAndTime: (d, t) => `${d} ${t}`,
};

describe('describeDays', () => {
  it.each<[Weekday[], string]>([
    [[0, 1, 2, 3, 4, 5, 6], 'Every day'],
    [[5, 1, 3, 2, 4], 'Weekdays'],
    [[6, 0], 'Weekends'],
    [[0, 1, 2, 3, 4], 'Sunday to Thursday'],
    [[5, 6, 0], 'Friday to Sunday'],
    [[1, 2, 3], 'Monday to Wednesday'],
    [[1, 2, 3, 4, 5, 6], 'Monday to Saturday'],
    [[6], 'Saturday'],
    [[1, 2], 'Monday and Tuesday'],
    [[5, 3, 1], 'Monday, Wednesday and Friday'],
    [[0, 1, 2, 4], 'Monday, Tuesday, Thursday and Sunday'],
  ])('%j → %s', (days, text) => {
    expect(describeDays(days, words)).toBe(text);
  });
});

describe('describeWindow', () => {
  it('a same-day window', () => {
    expect(describeWindow(win({ id: 'd' }), words)).toEqual({ days: 'Every day', time: '6:00 pm – 7:30 pm' });
  });

  it('an overnight window ends "next day"', () => {
    expect(describeWindow(overnight, words)).toEqual({ days: 'Wednesday', time: '10:00 pm – 6:30 am next day' });
  });

  it('a weekend window names the days it starts and ends', () => {
    const weekend = defaultSettings().schedule.windows.find((w) => w.id === 'weekend')!;
    expect(describeWindow(weekend, words)).toEqual({ days: 'Saturday', time: 'Saturday 12:00 am – Monday 12:00 am' });
    expect(describeWindow({ ...weekend, days: [5], start: '18:00', end: '08:00', endDayOffset: 3 }, words).time)
      .toBe('Friday 6:00 pm – Monday 8:00 am');
  });

  it('a multi-day window on several days says how many days later it ends', () => {
    expect(describeWindow(win({ id: 'x', days: [5, 6], start: '18:00', end: '08:00', endDayOffset: 2 }), words))
      .toEqual({ days: 'Friday and Saturday', time: '6:00 pm – 8:00 am two days later' });
  });

  it('shows unreadable times as they are, rather than nothing', () => {
    expect(describeWindow(win({ id: 'x', start: '25:00' }), words).time).toBe('25:00 – 19:30');
  });
});

describe('occasionsOf', () => {
  const nightly = win({ id: 'late', label: 'Late shift off', start: '22:00', end: '06:30', endDayOffset: 1 });

  it('the next occurrence, while nothing is skipped', () => {
    const o = occasionsOf(sched([nightly]), 'late', at('2026-06-03', '12:00'));
    expect(o.skipped).toEqual([]);
    expect(o.next).toMatchObject({ id: 'late', date: '2026-06-03', start: at('2026-06-03', '22:00') });
  });

  it('the running occurrence comes first, even one that began the day before', () => {
    const o = occasionsOf(sched([nightly]), 'late', at('2026-06-04', '02:00'));
    expect(o.next).toMatchObject({ date: '2026-06-03' });
  });

  it('skipped occurrences still to come are listed, and the next is the first not skipped', () => {
    const skips = [
      { windowId: 'late', date: '2026-06-03' },
      { windowId: 'late', date: '2026-06-05' },
      { windowId: 'late', date: '2026-06-01' }, // over already
      { windowId: 'other', date: '2026-06-04' },
    ];
    const o = occasionsOf(sched([nightly], [], skips), 'late', at('2026-06-04', '02:00'));
    expect(o.skipped.map((x) => x.date)).toEqual(['2026-06-03', '2026-06-05']);
    expect(o.next?.date).toBe('2026-06-04');
  });

  it('looks past a long run of skipped weeks to the next occurrence', () => {
    const saturdays = win({ id: 'sat', days: [6] });
    const skips = [0, 1, 2, 3, 4].map((n) => ({ windowId: 'sat', date: addDays('2026-06-06', 7 * n) }));
    const o = occasionsOf(sched([saturdays], [], skips), 'sat', at('2026-06-01', '12:00'));
    expect(o.skipped).toHaveLength(5);
    expect(o.next?.date).toBe('2026-07-11');
  });

  it('a paused or unknown window has nothing to skip', () => {
    expect(occasionsOf(sched([{ ...nightly, paused: true }]), 'late', at('2026-06-03', '12:00'))).toEqual({ next: null, skipped: [] });
    expect(occasionsOf(sched([nightly]), 'nope', at('2026-06-03', '12:00'))).toEqual({ next: null, skipped: [] });
  });
});

describe('occasionWord', () => {
  const now = at('2026-06-03', '12:00');
  it('evening today is "tonight", earlier today is "today"', () => {
    expect(occasionWord({ date: '2026-06-03', start: at('2026-06-03', '18:00') }, now)).toBe('tonight');
    expect(occasionWord({ date: '2026-06-03', start: at('2026-06-03', '16:00') }, now)).toBe('tonight');
    expect(occasionWord({ date: '2026-06-03', start: at('2026-06-03', '15:59') }, now)).toBe('today');
    expect(occasionWord({ date: '2026-06-03', start: at('2026-06-03', '08:00') }, now)).toBe('today');
  });

  it('a night that began yesterday and still runs is "running"; anything after today is "later"', () => {
    expect(occasionWord({ date: '2026-06-02', start: at('2026-06-02', '22:00') }, at('2026-06-03', '02:00'))).toBe('running');
    expect(occasionWord({ date: '2026-06-04', start: at('2026-06-04', '18:00') }, now)).toBe('later');
  });
});
