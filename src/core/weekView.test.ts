import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occurrencesBetween } from './schedule';
import { defaultSettings } from './settings/defaults';
import { HOUR, at, inNewYork, sched, win } from '../../tests/unit/scheduleTesting';
import type { OneOffBlock, Schedule, Weekday } from './types';
import { pieceShape, weekStartOf, weekView, windowMinutes, type WeekSegment } from './weekView';
import { addDays, wallInstant } from './wallclock';

// Everything here runs in America/New_York (see tests/unit/scheduleTesting.ts).
inNewYork();


/** The pieces on each day as compact "label from–to" strings, Monday first. */
const pieces = (s: Schedule, monday: string) =>
  weekView(s, monday).days.map((d) => d.segments.map((g) => `${g.label} ${g.fromMinute}-${g.toMinute}`));

const overnight = win({ id: 'late', label: 'Late shift off', days: [3], start: '22:00', end: '06:30', endDayOffset: 1 });

describe('guard', () => {
  it('the zone is America/New_York', () => {
    expect(new Date(Date.parse('2026-01-15T00:00:00Z')).getTimezoneOffset()).toBe(300);
    expect(new Date(Date.parse('2026-07-15T00:00:00Z')).getTimezoneOffset()).toBe(240);
  });
});

describe('weekStartOf', () => {
  it('gives the Monday of the week, Sunday counting as its last day', () => {
    expect(weekStartOf('2026-06-01')).toBe('2026-06-01'); // Monday
    expect(weekStartOf('2026-06-03')).toBe('2026-06-01'); // Wednesday
    expect(weekStartOf('2026-06-07')).toBe('2026-06-01'); // Sunday
    expect(weekStartOf('2026-01-01')).toBe('2025-12-29'); // across a year
  });
});

describe('weekView', () => {
  it('lays the usual windows over the 7 days, Monday first; the weekend fills Saturday and Sunday', () => {
    const week = weekView(defaultSettings().schedule, '2026-06-01');
    expect(week.days.map((d) => d.date)).toEqual([
      '2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05', '2026-06-06', '2026-06-07',
    ]);
    expect(week.days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(pieces(defaultSettings().schedule, '2026-06-01')).toEqual([
      ['Dinner 1080-1170', 'Bedtime routine 1170-1230'],
      ['Dinner 1080-1170', 'Bedtime routine 1170-1230'],
      ['Dinner 1080-1170', 'Bedtime routine 1170-1230'],
      ['Dinner 1080-1170', 'Bedtime routine 1170-1230'],
      ['Dinner 1080-1170'],
      ['Weekend 0-1440', 'Dinner 1080-1170'],
      ['Weekend 0-1440', 'Dinner 1080-1170', 'Bedtime routine 1170-1230'],
    ]);
    const [saturday, sunday] = [week.days[5]!, week.days[6]!];
    const weekendSat = saturday.segments.find((g) => g.id === 'weekend')!;
    const weekendSun = sunday.segments.find((g) => g.id === 'weekend')!;
    expect(weekendSat).toMatchObject({ continues: true, fromEarlier: false, date: '2026-06-06', source: 'window', kind: 'weekend' });
    expect(weekendSun).toMatchObject({ continues: false, fromEarlier: true, date: '2026-06-06' });
    expect(weekendSun.end).toBe(at('2026-06-08', '00:00'));
  });

  it('shows an overnight window on both days it covers, clipped at midnight', () => {
    const week = weekView(sched([overnight]), '2026-06-01');
    expect(pieces(sched([overnight]), '2026-06-01')).toEqual([[], [], ['Late shift off 1320-1440'], ['Late shift off 0-390'], [], [], []]);
    const wednesday = week.days[2]!.segments[0]!;
    const thursday = week.days[3]!.segments[0]!;
    expect(wednesday).toMatchObject({ continues: true, fromEarlier: false, date: '2026-06-03' });
    expect(wednesday.start).toBe(at('2026-06-03', '22:00'));
    expect(wednesday.end).toBe(at('2026-06-04', '00:00'));
    expect(thursday).toMatchObject({ continues: false, fromEarlier: true, date: '2026-06-03' });
    expect(thursday.start).toBe(at('2026-06-04', '00:00'));
    expect(thursday.end).toBe(at('2026-06-04', '06:30'));
  });

  it('shows the night that began the Sunday before on Monday morning, and Sunday night up to midnight', () => {
    const sundays = win({ id: 'sun', label: 'Sunday night', days: [0], start: '21:00', end: '07:00', endDayOffset: 1 });
    expect(pieces(sched([sundays]), '2026-06-01')).toEqual([['Sunday night 0-420'], [], [], [], [], [], ['Sunday night 1260-1440']]);
    const monday = weekView(sched([sundays]), '2026-06-01').days[0]!.segments[0]!;
    expect(monday.date).toBe('2026-05-31');
  });

  it('keeps skipped occurrences, marked, on every day they cover', () => {
    const s = sched([overnight, win({ id: 'dinner', label: 'Dinner' })], [], [{ windowId: 'late', date: '2026-06-03' }]);
    const week = weekView(s, '2026-06-01');
    const marks = week.days.map((d) => d.segments.map((g) => `${g.id}${g.skipped ? ' skipped' : ''}`));
    expect(marks[2]).toEqual(['dinner', 'late skipped']);
    expect(marks[3]).toEqual(['late skipped', 'dinner']);
    // A skip names one occurrence only; dinner that day is not skipped.
    expect(week.days.flatMap((d) => d.segments).filter((g) => g.skipped)).toHaveLength(2);
  });

  it('a skip for another window or date marks nothing', () => {
    const s = sched([overnight], [], [{ windowId: 'late', date: '2026-06-04' }, { windowId: 'other', date: '2026-06-03' }]);
    expect(weekView(s, '2026-06-01').days.flatMap((d) => d.segments).some((g) => g.skipped)).toBe(false);
  });

  it('leaves paused windows out', () => {
    const s = sched([{ ...overnight, paused: true }, win({ id: 'dinner', label: 'Dinner', days: [1] })]);
    expect(pieces(s, '2026-06-01')).toEqual([['Dinner 1080-1170'], [], [], [], [], [], []]);
  });

  it('includes one-off blocks, clipped to each day, never as skipped', () => {
    const birthday: OneOffBlock = { id: 'b1', label: "Maya's birthday", start: at('2026-06-05', '20:00'), end: at('2026-06-06', '01:15') };
    const week = weekView(sched([], [birthday], [{ windowId: 'b1', date: '' }]), '2026-06-01');
    expect(week.days[4]!.segments).toEqual([
      expect.objectContaining({ source: 'block', kind: 'focus', id: 'b1', date: '', fromMinute: 1200, toMinute: 1440, continues: true, skipped: false }),
    ]);
    expect(week.days[5]!.segments).toEqual([
      expect.objectContaining({ source: 'block', fromMinute: 0, toMinute: 75, fromEarlier: true, continues: false }),
    ]);
  });

  it('rounds a block that starts and ends between whole minutes outwards', () => {
    const focus: OneOffBlock = { id: 'f', label: 'Focus block', start: at('2026-06-02', '09:00') + 20_000, end: at('2026-06-02', '09:45') + 5_000 };
    expect(pieces(sched([], [focus]), '2026-06-01')[1]).toEqual(['Focus block 540-586']);
  });

  describe('how each piece reads (its shape)', () => {
    const shapes = (s: Schedule) => weekView(s, '2026-06-01').days.map((d) => d.segments.map((g) => `${g.id} ${g.shape}`));

    it('the weekend, Saturday 00:00 to Monday 00:00, is "all day" on both days, never "from 12:00 am"', () => {
      const week = shapes(defaultSettings().schedule);
      expect(week[5]).toEqual(['weekend all-day', 'dinner range']);
      expect(week[6]).toEqual(['weekend all-day', 'dinner range', 'bedtime range']);
    });

    it('an overnight window runs "from" its start, then "until" its end the next morning', () => {
      expect(shapes(sched([overnight]))).toEqual([[], [], ['late from'], ['late until'], [], [], []]);
    });

    it('a whole day from midnight to midnight is "all day"; a piece starting at midnight and ending inside the day is a range', () => {
      const wholeDay = win({ id: 'whole', days: [2], start: '00:00', end: '00:00', endDayOffset: 1 });
      const earlyMorning = win({ id: 'early', days: [3], start: '00:00', end: '06:00' });
      const toMidnight = win({ id: 'evening', days: [4], start: '20:00', end: '00:00', endDayOffset: 1 });
      expect(shapes(sched([wholeDay, earlyMorning, toMidnight]))).toEqual([
        [], ['whole all-day'], ['early range'], ['evening from'], [], [], [],
      ]);
    });

    it('a long block is "all day" on the days it covers whole, and "from" / "until" on the first and last', () => {
      const trip: OneOffBlock = { id: 'trip', label: 'Trip', start: at('2026-06-02', '15:00'), end: at('2026-06-05', '11:00') };
      expect(shapes(sched([], [trip]))).toEqual([[], ['trip from'], ['trip all-day'], ['trip all-day'], ['trip until'], [], []]);
    });

    it('on a daylight-saving day a piece covering it whole is still "all day"', () => {
      const sunday = win({ id: 'sun', days: [0], start: '00:00', end: '00:00', endDayOffset: 1 });
      const days = weekView(sched([sunday]), '2026-03-02').days;
      expect(days[6]!.date).toBe('2026-03-08');
      expect(days[6]!.segments.map((g) => g.shape)).toEqual(['all-day']);
    });

    it('pieceShape compares the occurrence with the day it is cut to', () => {
      const [dayStart, dayEnd] = [at('2026-06-06', '00:00'), at('2026-06-07', '00:00')];
      expect(pieceShape(dayStart, dayEnd + HOUR, dayStart, dayEnd)).toBe('all-day');
      expect(pieceShape(dayStart - HOUR, dayEnd, dayStart, dayEnd)).toBe('all-day');
      expect(pieceShape(dayStart - HOUR, dayEnd - HOUR, dayStart, dayEnd)).toBe('until');
      expect(pieceShape(dayStart + HOUR, dayEnd, dayStart, dayEnd)).toBe('from');
      expect(pieceShape(dayStart + HOUR, dayEnd + HOUR, dayStart, dayEnd)).toBe('from');
      expect(pieceShape(dayStart, dayStart + HOUR, dayStart, dayEnd)).toBe('range');
      expect(pieceShape(dayStart + HOUR, dayStart + 2 * HOUR, dayStart, dayEnd)).toBe('range');
    });
  });

  it('puts overlapping pieces in separate lanes; touching ones share a lane', () => {
    const week = weekView(defaultSettings().schedule, '2026-06-01');
    const lanes = (day: number) => week.days[day]!.segments.map((g) => `${g.id}:${g.lane}`);
    expect(lanes(0)).toEqual(['dinner:0', 'bedtime:0']); // 18:00–19:30 then 19:30–20:30
    expect(week.days[0]!.lanes).toBe(1);
    expect(lanes(5)).toEqual(['weekend:0', 'dinner:1']);
    expect(week.days[5]!.lanes).toBe(2);
    expect(lanes(6)).toEqual(['weekend:0', 'dinner:1', 'bedtime:1']);
    expect(weekView(sched([]), '2026-06-01').days.every((d) => d.lanes === 0 && d.segments.length === 0)).toBe(true);
  });

  describe('in a daylight-saving week, positions follow the wall clock', () => {
    // Spring forward: Sunday 8 March 2026, 02:00 → 03:00. Fall back: Sunday 1 November 2026, 02:00 → 01:00.
    it('spring forward: the night into Sunday ends at 06:30 by the clock, 1 hour shorter in real time', () => {
      const saturdayNight = win({ id: 'night', label: 'Night', days: [6], start: '22:00', end: '06:30', endDayOffset: 1 });
      const week = weekView(sched([saturdayNight]), '2026-03-02');
      const sunday = week.days[6]!;
      expect(sunday.date).toBe('2026-03-08');
      expect(sunday.segments.map((g) => [g.fromMinute, g.toMinute])).toEqual([[0, 390]]);
      expect(sunday.segments[0]!.end - sunday.segments[0]!.start).toBe(5.5 * HOUR);
      expect(week.days[5]!.segments.map((g) => [g.fromMinute, g.toMinute])).toEqual([[1320, 1440]]);
    });

    it('spring forward: a window starting in the missing hour comes on at 03:00', () => {
      const early = win({ id: 'early', label: 'Early', days: [0], start: '02:30', end: '04:00' });
      expect(pieces(sched([early]), '2026-03-02')[6]).toEqual(['Early 180-240']);
    });

    it('fall back: a time in the repeated hour means its first pass; the night is 1 hour longer in real time', () => {
      const repeated = win({ id: 'rep', label: 'Repeated', days: [0], start: '01:15', end: '01:45' });
      const saturdayNight = win({ id: 'night', label: 'Night', days: [6], start: '22:00', end: '06:30', endDayOffset: 1 });
      const week = weekView(sched([repeated, saturdayNight]), '2026-10-26');
      const sunday = week.days[6]!;
      expect(sunday.date).toBe('2026-11-01');
      expect(sunday.segments.map((g) => `${g.id} ${g.fromMinute}-${g.toMinute}`)).toEqual(['night 0-390', 'rep 75-105']);
      const night = sunday.segments.find((g) => g.id === 'night')!;
      expect(night.end - night.start).toBe(7.5 * HOUR);
      // Nothing doubles the repeated hour: every piece stays within the day's 1440 minutes.
      expect(sunday.segments.every((g) => g.toMinute <= 1440)).toBe(true);
    });

    it('fall back: a block from the first 01:30 to the second 01:20 covers 01:00–02:00 on the clock', () => {
      const block: OneOffBlock = {
        id: 'b', label: 'Across', start: Date.parse('2026-11-01T05:30:00Z'), end: Date.parse('2026-11-01T06:20:00Z'),
      };
      expect(new Date(block.start).getHours()).toBe(1);
      expect(new Date(block.end).getHours()).toBe(1);
      expect(pieces(sched([], [block]), '2026-10-26')[6]).toEqual(['Across 60-120']);
    });

    it('spring forward: a block across the jump spans from its start to its end reading', () => {
      const block: OneOffBlock = { id: 'b', label: 'Across', start: at('2026-03-08', '01:30'), end: at('2026-03-08', '03:30') };
      expect(block.end - block.start).toBe(HOUR);
      expect(pieces(sched([], [block]), '2026-03-02')[6]).toEqual(['Across 90-210']);
    });
  });

  it('property: pieces are in order, inside the day, chained across midnight, and lanes never overlap', () => {
    const weekday = fc.constantFrom<Weekday>(0, 1, 2, 3, 4, 5, 6);
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const windowArb = fc
      .record({
        days: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }),
        start: time,
        end: time,
        endDayOffset: fc.integer({ min: 0, max: 2 }),
        paused: fc.boolean(),
      })
      .filter((w) => w.endDayOffset > 0 || w.end > w.start);
    // Mondays through 2026, including both daylight-saving weeks.
    const monday = fc.integer({ min: 0, max: 51 }).map((n) => addDays('2025-12-29', n * 7));
    fc.assert(
      fc.property(fc.array(windowArb, { maxLength: 4 }), monday, fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }), (raw, week, skipDays) => {
        const windows = raw.map((w, i) => win({ id: `w${i}`, ...w }));
        const skips = windows.flatMap((w) => skipDays.map((d) => ({ windowId: w.id, date: addDays(week, d - 1) })));
        const s = sched(windows, [], skips);
        const view = weekView(s, week);
        const all: WeekSegment[] = view.days.flatMap((d) => d.segments);
        for (const day of view.days) {
          const dayStart = wallInstant(day.date, 0);
          const dayEnd = wallInstant(addDays(day.date, 1), 0);
          for (const g of day.segments) {
            expect(0 <= g.fromMinute && g.fromMinute < g.toMinute && g.toMinute <= 1440).toBe(true);
            expect(g.start >= dayStart && g.end <= dayEnd && g.end > g.start).toBe(true);
            if (g.fromEarlier) expect(g.start === dayStart && g.fromMinute === 0).toBe(true);
            if (g.continues) expect(g.end).toBe(dayEnd);
            expect(g.shape === 'all-day').toBe(g.start === dayStart && g.end === dayEnd);
            if (g.shape === 'until') expect(g.fromEarlier).toBe(true);
            if (g.shape === 'from') expect(g.fromEarlier === false && g.end === dayEnd).toBe(true);
            expect(windows.find((w) => w.id === g.id)?.paused).toBe(false);
            expect(g.skipped).toBe(skips.some((k) => k.windowId === g.id && k.date === g.date));
          }
          for (const a of day.segments) {
            for (const b of day.segments) {
              if (a !== b && a.lane === b.lane) expect(a.toMinute <= b.fromMinute || b.toMinute <= a.fromMinute).toBe(true);
            }
          }
          expect(day.lanes).toBe(day.segments.length === 0 ? 0 : Math.max(...day.segments.map((g) => g.lane)) + 1);
        }
        // Every piece that continues is followed, next day, by a piece of the same occurrence starting at midnight.
        view.days.forEach((day, i) => {
          const next = view.days[i + 1];
          for (const g of day.segments.filter((x) => x.continues)) {
            if (next) expect(next.segments.some((x) => x.id === g.id && x.date === g.date && x.fromEarlier && x.start === g.end)).toBe(true);
          }
        });
        // Together, the pieces cover exactly the occurrences' time inside the week (skipped ones included).
        const from = wallInstant(week, 0);
        const to = wallInstant(addDays(week, 7), 0);
        const expected = occurrencesBetween({ ...s, skips: [] }, from, to)
          .reduce((sum, o) => sum + Math.min(o.end, to) - Math.max(o.start, from), 0);
        expect(all.reduce((sum, g) => sum + g.end - g.start, 0)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('windowMinutes', () => {
  it('counts the clock time from start to end, across the days it runs on', () => {
    expect(windowMinutes({ start: '18:00', end: '19:30', endDayOffset: 0 })).toBe(90);
    expect(windowMinutes({ start: '22:00', end: '06:30', endDayOffset: 1 })).toBe(510);
    // The mistaken dinner: an end before the start runs on to the next day, 23 hours.
    expect(windowMinutes({ start: '18:00', end: '17:00', endDayOffset: 1 })).toBe(23 * 60);
    expect(windowMinutes({ start: '00:00', end: '00:00', endDayOffset: 2 })).toBe(48 * 60);
  });

  it('is null when a time is unreadable', () => {
    expect(windowMinutes({ start: '25:00', end: '06:30', endDayOffset: 1 })).toBeNull();
  });
});
