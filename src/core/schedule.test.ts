import { describe, expect, it } from 'vitest';
import {
  activeAt,
  familyTimeUntil,
  nextStart,
  nextTransition,
  occurrenceKey,
  occurrencesBetween,
} from './schedule';
import { HOUR, at, inNewYork, sched, win } from '../../tests/unit/scheduleTesting';
import type { BoundaryWindow, OneOffBlock } from './types';

// Everything here runs in America/New_York (see tests/unit/scheduleTesting.ts).
inNewYork();

const DAY = 24 * HOUR;
const utc = (iso: string): number => Date.parse(iso);

const WEEKDAYS: BoundaryWindow['days'] = [1, 2, 3, 4, 5];
const dinner = win({ id: 'dinner', label: 'Dinner', kind: 'dinner', days: WEEKDAYS, start: '18:00', end: '19:30' });
const bedtime = win({
  id: 'bed', label: 'Bedtime', kind: 'bedtime', days: [0, 1, 2, 3, 4], start: '22:00', end: '06:30', endDayOffset: 1,
});
const weekend = win({ id: 'wknd', label: 'Weekend', kind: 'weekend', days: [6], start: '00:00', end: '00:00', endDayOffset: 2 });

// January 2026: Mon 12 … Fri 16, Sat 17, Sun 18, Mon 19.
describe('guard', () => {
  it('the zone is America/New_York', () => {
    expect(new Date(utc('2026-01-15T00:00:00Z')).getTimezoneOffset()).toBe(300);
    expect(new Date(utc('2026-07-15T00:00:00Z')).getTimezoneOffset()).toBe(240);
  });
});

describe('same-day window', () => {
  const s = sched([dinner]);

  it('occurs on each listed day at the wall-clock times', () => {
    const occ = occurrencesBetween(s, at('2026-01-12', '00:00'), at('2026-01-19', '00:00'));
    expect(occ.map((o) => o.date)).toEqual(['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16']);
    expect(occ[0]).toEqual({
      source: 'window', id: 'dinner', label: 'Dinner', kind: 'dinner',
      start: at('2026-01-12', '18:00'), end: at('2026-01-12', '19:30'), date: '2026-01-12',
    });
  });

  it('is active from start (inclusive) to end (exclusive)', () => {
    expect(activeAt(s, at('2026-01-13', '17:59'))).toEqual([]);
    expect(activeAt(s, at('2026-01-13', '18:00')).map((o) => o.date)).toEqual(['2026-01-13']);
    expect(activeAt(s, at('2026-01-13', '19:29'))).toHaveLength(1);
    expect(activeAt(s, at('2026-01-13', '19:30'))).toEqual([]);
    expect(activeAt(s, at('2026-01-17', '18:30'))).toEqual([]); // Saturday
  });

  it('occurrencesBetween includes partial overlaps only', () => {
    const ids = (from: string, to: string) =>
      occurrencesBetween(s, at('2026-01-13', from), at('2026-01-13', to)).length;
    expect(ids('19:00', '19:10')).toBe(1);
    expect(ids('19:30', '23:00')).toBe(0); // touches the end only
    expect(ids('12:00', '18:00')).toBe(0); // touches the start only
    expect(occurrencesBetween(s, at('2026-01-13', '19:00'), at('2026-01-13', '19:00'))).toEqual([]);
  });
});

describe('overnight window 22:00–06:30', () => {
  const s = sched([bedtime]);

  it('belongs to the night it starts on', () => {
    const [o] = activeAt(s, at('2026-01-13', '02:00')); // Tuesday early morning
    expect(o).toMatchObject({ date: '2026-01-12', start: at('2026-01-12', '22:00'), end: at('2026-01-13', '06:30') });
  });

  it("Thursday night runs into Friday; Friday night is not listed", () => {
    expect(activeAt(s, at('2026-01-16', '06:00')).map((o) => o.date)).toEqual(['2026-01-15']);
    expect(activeAt(s, at('2026-01-16', '23:00'))).toEqual([]);
    expect(activeAt(s, at('2026-01-17', '02:00'))).toEqual([]);
  });

  it('nextTransition crosses midnight', () => {
    expect(nextTransition(s, at('2026-01-12', '23:00'))).toBe(at('2026-01-13', '06:30'));
    expect(nextTransition(s, at('2026-01-13', '06:30'))).toBe(at('2026-01-13', '22:00'));
  });
});

describe('weekend window Sat 00:00 → Mon 00:00', () => {
  const s = sched([weekend]);

  it('is one occurrence dated Saturday', () => {
    const occ = occurrencesBetween(s, at('2026-01-12', '00:00'), at('2026-01-26', '00:00'));
    expect(occ.map((o) => [o.date, o.start, o.end])).toEqual([
      ['2026-01-17', at('2026-01-17', '00:00'), at('2026-01-19', '00:00')],
      ['2026-01-24', at('2026-01-24', '00:00'), at('2026-01-26', '00:00')],
    ]);
    expect(activeAt(s, at('2026-01-18', '15:00')).map((o) => o.date)).toEqual(['2026-01-17']);
    expect(activeAt(s, at('2026-01-19', '00:00'))).toEqual([]);
  });

  it('nextTransition and familyTimeUntil span the whole weekend', () => {
    expect(nextTransition(s, at('2026-01-14', '12:00'))).toBe(at('2026-01-17', '00:00'));
    expect(nextTransition(s, at('2026-01-17', '00:00'))).toBe(at('2026-01-19', '00:00'));
    expect(familyTimeUntil(s, at('2026-01-17', '09:00'))).toBe(at('2026-01-19', '00:00'));
  });
});

describe('week-long window (endDayOffset 7, the longest settings allow)', () => {
  const s = sched([win({ id: 'term', days: [6], start: '18:00', end: '18:00', endDayOffset: 7 })]);
  it('is dated by its start and hands over to the next one', () => {
    expect(activeAt(s, at('2026-01-14', '12:00')).map((o) => o.date)).toEqual(['2026-01-10']);
    expect(nextTransition(s, at('2026-01-14', '12:00'))).toBe(at('2026-01-17', '18:00'));
    expect(activeAt(s, at('2026-01-17', '18:00')).map((o) => o.date)).toEqual(['2026-01-17']);
  });
});

describe('paused windows', () => {
  const s = sched([{ ...dinner, paused: true }]);
  it('never come on and schedule nothing', () => {
    expect(occurrencesBetween(s, at('2026-01-12', '00:00'), at('2026-01-19', '00:00'))).toEqual([]);
    expect(activeAt(s, at('2026-01-13', '18:30'))).toEqual([]);
    expect(nextTransition(s, at('2026-01-13', '12:00'))).toBeNull();
    expect(nextStart(s, at('2026-01-13', '12:00'))).toBeNull();
    expect(familyTimeUntil(s, at('2026-01-13', '18:30'))).toBeNull();
  });
  it('a window without days is as good as paused', () => {
    expect(nextTransition(sched([{ ...dinner, days: [] }]), at('2026-01-13', '12:00'))).toBeNull();
  });
});

describe('skips ("not tonight")', () => {
  it('remove only that date’s occurrence', () => {
    const s = sched([dinner], [], [{ windowId: 'dinner', date: '2026-01-13' }]);
    const dates = occurrencesBetween(s, at('2026-01-12', '00:00'), at('2026-01-17', '00:00')).map((o) => o.date);
    expect(dates).toEqual(['2026-01-12', '2026-01-14', '2026-01-15', '2026-01-16']);
    expect(activeAt(s, at('2026-01-13', '18:30'))).toEqual([]);
    expect(nextStart(s, at('2026-01-13', '12:00'))?.date).toBe('2026-01-14');
  });

  it('a skip names a window: other windows that date are kept', () => {
    const s = sched([dinner, bedtime], [], [{ windowId: 'dinner', date: '2026-01-13' }]);
    expect(activeAt(s, at('2026-01-13', '23:00')).map((o) => o.id)).toEqual(['bed']);
  });

  it('end an overnight occurrence that is already running, and only that one', () => {
    const s = sched([bedtime], [], [{ windowId: 'bed', date: '2026-01-12' }]);
    expect(activeAt(s, at('2026-01-13', '02:00'))).toEqual([]); // Monday night skipped, after midnight
    expect(activeAt(s, at('2026-01-13', '23:00')).map((o) => o.date)).toEqual(['2026-01-13']);
    expect(familyTimeUntil(s, at('2026-01-13', '02:00'))).toBeNull();
    expect(nextTransition(s, at('2026-01-13', '02:00'))).toBe(at('2026-01-13', '22:00'));
  });

  it('nextTransition looks past many skipped weeks', () => {
    const saturdays = ['2026-01-17', '2026-01-24', '2026-01-31', '2026-02-07', '2026-02-14'];
    const s = sched([weekend], [], saturdays.map((date) => ({ windowId: 'wknd', date })));
    expect(nextTransition(s, at('2026-01-12', '00:00'))).toBe(at('2026-02-21', '00:00'));
    expect(nextStart(s, at('2026-01-12', '00:00'))?.date).toBe('2026-02-21');
  });
});

describe('one-off blocks', () => {
  const block: OneOffBlock = { id: 'b1', label: 'Homework', start: at('2026-01-13', '17:00'), end: at('2026-01-13', '18:15') };
  const s = sched([dinner], [block]);

  it('appear as focus occurrences with no date, sorted with windows', () => {
    const occ = occurrencesBetween(s, at('2026-01-13', '00:00'), at('2026-01-14', '00:00'));
    expect(occ.map((o) => [o.source, o.id, o.kind, o.date])).toEqual([
      ['block', 'b1', 'focus', ''],
      ['window', 'dinner', 'dinner', '2026-01-13'],
    ]);
  });

  it('activeAt sorts by end, then label', () => {
    const tie: OneOffBlock = { id: 'b2', label: 'Art', start: at('2026-01-13', '17:30'), end: at('2026-01-13', '18:15') };
    const active = activeAt(sched([dinner], [block, tie]), at('2026-01-13', '18:05'));
    expect(active.map((o) => o.label)).toEqual(['Art', 'Homework', 'Dinner']);
  });

  it('blocks far ahead are still found; past and empty blocks are ignored', () => {
    const far: OneOffBlock = { id: 'far', label: 'Trip', start: at('2027-06-01', '09:00'), end: at('2027-06-08', '09:00') };
    const past: OneOffBlock = { id: 'old', label: 'Old', start: at('2025-01-01', '09:00'), end: at('2025-01-01', '10:00') };
    const empty: OneOffBlock = { id: 'empty', label: 'Ended at once', start: at('2026-02-01', '09:00'), end: at('2026-02-01', '09:00') };
    const s2 = sched([], [past, empty, far]);
    expect(nextTransition(s2, at('2026-01-13', '12:00'))).toBe(far.start);
    expect(nextTransition(s2, at('2027-06-02', '12:00'))).toBe(far.end);
    expect(nextTransition(s2, far.end)).toBeNull();
    expect(nextStart(s2, at('2026-01-13', '12:00'))?.id).toBe('far');
    expect(activeAt(s2, at('2026-02-01', '09:00'))).toEqual([]);
  });
});

describe('familyTimeUntil', () => {
  const s = sched([dinner, win({ id: 'bt', label: 'Bedtime', kind: 'bedtime', days: WEEKDAYS, start: '19:30', end: '20:30' })]);

  it('chains windows that touch', () => {
    expect(familyTimeUntil(s, at('2026-01-13', '18:15'))).toBe(at('2026-01-13', '20:30'));
    expect(familyTimeUntil(s, at('2026-01-13', '19:30'))).toBe(at('2026-01-13', '20:30'));
    expect(familyTimeUntil(s, at('2026-01-13', '20:30'))).toBeNull();
  });

  it('chains through overlaps, blocks and into the next day', () => {
    const block: OneOffBlock = { id: 'b', label: 'Movie', start: at('2026-01-13', '20:00'), end: at('2026-01-13', '22:00') };
    expect(familyTimeUntil(sched([...s.windows, bedtime], [block]), at('2026-01-13', '18:15'))).toBe(at('2026-01-14', '06:30'));
  });

  it('does not bridge a gap of one minute', () => {
    const gap = sched([dinner, win({ id: 'bt', days: WEEKDAYS, start: '19:31', end: '20:30' })]);
    expect(familyTimeUntil(gap, at('2026-01-13', '18:15'))).toBe(at('2026-01-13', '19:30'));
  });

  it('stops after 8 days when family time never ends', () => {
    const always = sched([win({ id: 'all', start: '00:00', end: '00:00', endDayOffset: 1 })]);
    const now = at('2026-01-13', '10:00');
    expect(familyTimeUntil(always, now)).toBe(now + 8 * DAY);
  });
});

describe('nextTransition and nextStart', () => {
  const s = sched([dinner, bedtime]);

  it('nextTransition is the nearest start or end', () => {
    expect(nextTransition(s, at('2026-01-13', '12:00'))).toBe(at('2026-01-13', '18:00'));
    expect(nextTransition(s, at('2026-01-13', '18:00'))).toBe(at('2026-01-13', '19:30'));
    expect(nextTransition(s, at('2026-01-13', '19:30'))).toBe(at('2026-01-13', '22:00'));
  });

  it('crosses a weekend with nothing on', () => {
    expect(nextTransition(sched([dinner]), at('2026-01-16', '19:30'))).toBe(at('2026-01-19', '18:00'));
    // Sunday night bedtime is the first thing after Friday morning.
    expect(nextTransition(s, at('2026-01-16', '06:30'))).toBe(at('2026-01-16', '18:00'));
    expect(nextTransition(s, at('2026-01-16', '19:30'))).toBe(at('2026-01-18', '22:00'));
  });

  it('is null when nothing is ahead', () => {
    expect(nextTransition(sched([]), at('2026-01-13', '12:00'))).toBeNull();
  });

  it('nextStart skips what is already running and breaks ties by label', () => {
    const twin = win({ id: 'z', label: 'Aardvark', days: WEEKDAYS, start: '18:00', end: '18:30' });
    const next = nextStart(sched([dinner, twin, bedtime]), at('2026-01-13', '12:00'));
    expect(next).toMatchObject({ id: 'z', start: at('2026-01-13', '18:00') });
    expect(nextStart(s, at('2026-01-13', '18:00'))).toMatchObject({ id: 'bed', date: '2026-01-13' });
  });

  it('occurrenceKey names source, id and start', () => {
    const [o] = activeAt(s, at('2026-01-13', '18:30'));
    expect(occurrenceKey(o!)).toBe(`window:dinner:${at('2026-01-13', '18:00')}`);
  });
});

describe('DST days in America/New_York', () => {
  it('spring forward (2026-03-08): 02:30–04:00 starts at the jump, local 03:00', () => {
    const s = sched([win({ id: 'early', days: [0], start: '02:30', end: '04:00' })]);
    const [o] = occurrencesBetween(s, utc('2026-03-08T00:00:00Z'), utc('2026-03-09T00:00:00Z'));
    expect(o).toMatchObject({ date: '2026-03-08', start: utc('2026-03-08T07:00:00Z'), end: utc('2026-03-08T08:00:00Z') });
    expect(new Date(o!.start).getHours()).toBe(3);
    expect(nextTransition(s, utc('2026-03-08T06:59:00Z'))).toBe(utc('2026-03-08T07:00:00Z'));
  });

  it('a window that lies wholly in the gap (02:30–03:00) does not occur that day, but does a week later', () => {
    const s = sched([win({ id: 'gap', days: [0], start: '02:30', end: '03:00' })]);
    const occ = occurrencesBetween(s, utc('2026-03-07T00:00:00Z'), utc('2026-03-16T00:00:00Z'));
    expect(occ.map((o) => o.date)).toEqual(['2026-03-15']);
    expect(nextTransition(s, utc('2026-03-08T06:00:00Z'))).toBe(at('2026-03-15', '02:30'));
  });

  it('the spring-forward night is one hour shorter: 22:00–06:30 is 7.5 h', () => {
    const s = sched([win({ id: 'night', days: [6], start: '22:00', end: '06:30', endDayOffset: 1 })]);
    const [o] = activeAt(s, utc('2026-03-08T08:00:00Z'));
    expect(o).toMatchObject({ date: '2026-03-07', start: utc('2026-03-08T03:00:00Z'), end: utc('2026-03-08T10:30:00Z') });
    expect(o!.end - o!.start).toBe(7.5 * HOUR);
  });

  it('fall back (2026-11-01): 22:00–06:30 keeps its wall-clock meaning, 9.5 h of real time', () => {
    const s = sched([win({ id: 'night', days: [6], start: '22:00', end: '06:30', endDayOffset: 1 })]);
    const [o] = occurrencesBetween(s, utc('2026-10-31T12:00:00Z'), utc('2026-11-01T12:00:00Z'));
    expect(o).toMatchObject({ date: '2026-10-31', start: utc('2026-11-01T02:00:00Z'), end: utc('2026-11-01T11:30:00Z') });
    expect(o!.end - o!.start).toBe(9.5 * HOUR);
    // Active through both passes of 01:30 (EDT, then EST).
    expect(activeAt(s, utc('2026-11-01T05:30:00Z'))).toHaveLength(1);
    expect(activeAt(s, utc('2026-11-01T06:30:00Z'))).toHaveLength(1);
    expect(familyTimeUntil(s, utc('2026-11-01T06:30:00Z'))).toBe(utc('2026-11-01T11:30:00Z'));
  });

  it('a window inside the repeated hour starts at its first pass and lasts by the wall clock', () => {
    // 01:15–01:45: from 01:15 EDT to 01:45 EDT; the clock reads 01:45 first before it goes back.
    const s = sched([win({ id: 'rep', days: [0], start: '01:15', end: '01:45' })]);
    const [o] = occurrencesBetween(s, utc('2026-11-01T00:00:00Z'), utc('2026-11-02T00:00:00Z'));
    expect(o).toMatchObject({ start: utc('2026-11-01T05:15:00Z'), end: utc('2026-11-01T05:45:00Z') });
    expect(activeAt(s, utc('2026-11-01T06:20:00Z'))).toEqual([]); // 01:20 EST: not again
  });

  it('a weekend window over the fall-back Sunday lasts 49 h', () => {
    const s = sched([weekend]);
    const [o] = activeAt(s, utc('2026-11-01T12:00:00Z'));
    expect(o).toMatchObject({ date: '2026-10-31' });
    expect(o!.end - o!.start).toBe(49 * HOUR);
  });
});
