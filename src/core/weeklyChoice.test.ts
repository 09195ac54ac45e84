// The weekly choice's pure part, in America/New_York (a clock change on Sunday 9 March
// 2025 at 2 am, inside a week that begins on Sunday evening).
process.env.TZ = 'America/New_York';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { desiredState } from './desired';
import { defaultSettings } from './settings/defaults';
import type { Schedule, Weekday } from './types';
import { formatDateKey, weekdayOf } from './wallclock';
import {
  freshSpan,
  headsUpMinutesFor,
  isChosen,
  momentName,
  momentsOffered,
  occurrenceOfKey,
  offerName,
  refOf,
  shouldAsk,
  weekKeyAt,
  weekSpan,
} from './weeklyChoice';
import { DEFAULT_WEEKLY_CHOICE, type WeeklyChoice } from './weeklyShape';
import { occurrenceKey } from './schedule';

/** An instant by the local wall clock; month 1–12. */
const local = (y: number, mo: number, d: number, h = 0, mi = 0): number => new Date(y, mo - 1, d, h, mi).getTime();
const MIN = 60_000;
const SUNDAY_7PM: WeeklyChoice = DEFAULT_WEEKLY_CHOICE;
const WORDS = {
  weekday: (at: number) => new Intl.DateTimeFormat('en-US', { weekday: 'long' }).format(at),
  time: (at: number) => new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' }).format(at),
};

const dinnerEveryDay: Schedule = {
  windows: [{ id: 'dinner', label: 'Dinner', kind: 'dinner', days: [0, 1, 2, 3, 4, 5, 6], start: '18:00', end: '19:30', endDayOffset: 0, paused: false }],
  blocks: [{ id: 'recital', label: "Maya's recital", start: local(2025, 3, 13, 18), end: local(2025, 3, 13, 19) }],
  skips: [],
};

describe('the week and when to ask', () => {
  it('is in New York time', () => {
    expect(new Date(local(2025, 1, 1)).getTimezoneOffset()).toBe(300);
  });

  it('begins at the weekly choice time: just before Sunday 7 pm it is still last week', () => {
    expect(weekKeyAt(SUNDAY_7PM, local(2025, 3, 9, 18, 59))).toBe('2025-03-02');
    expect(weekKeyAt(SUNDAY_7PM, local(2025, 3, 9, 19, 0))).toBe('2025-03-09');
    expect(weekKeyAt(SUNDAY_7PM, local(2025, 3, 12, 9))).toBe('2025-03-09');
    expect(weekKeyAt({ on: true, day: 3, time: '08:30' }, local(2025, 3, 12, 9))).toBe('2025-03-12');
  });

  it('spans a week of wall-clock time, a clock change inside it included', () => {
    const { start, end } = weekSpan(SUNDAY_7PM, '2025-03-02');
    expect(start).toBe(local(2025, 3, 2, 19));
    expect(end).toBe(local(2025, 3, 9, 19));
    expect(end - start).toBe(7 * 24 * 60 * MIN - 60 * MIN); // spring forward: one hour less
  });

  it('asks once a week: when on, until the week is answered (with moments or none)', () => {
    const now = local(2025, 3, 9, 19, 5);
    expect(shouldAsk(SUNDAY_7PM, null, now)).toBe(true);
    expect(shouldAsk(SUNDAY_7PM, { week: '2025-03-02', moments: [] }, now)).toBe(true);
    expect(shouldAsk(SUNDAY_7PM, { week: '2025-03-09', moments: [] }, now)).toBe(false);
    expect(shouldAsk({ ...SUNDAY_7PM, on: false }, null, now)).toBe(false);
    // Before the time comes, last week's answer still stands.
    expect(shouldAsk(SUNDAY_7PM, { week: '2025-03-02', moments: [] }, local(2025, 3, 9, 18))).toBe(false);
  });

  it('does not ask about a week already under way when Hearth was installed, from the next one on', () => {
    const installed = local(2025, 3, 5, 10); // a Wednesday
    expect(shouldAsk(SUNDAY_7PM, null, local(2025, 3, 5, 10, 5), installed)).toBe(false);
    expect(shouldAsk(SUNDAY_7PM, null, local(2025, 3, 9, 18), installed)).toBe(false);
    expect(shouldAsk(SUNDAY_7PM, null, local(2025, 3, 9, 19), installed)).toBe(true);
    // The parent moving the weekly choice to start now asks at once.
    expect(shouldAsk({ ...SUNDAY_7PM, day: 3, time: '10:05' }, null, local(2025, 3, 5, 10, 5), installed)).toBe(true);
  });

  it('property: the week holding any instant began at or before it, on the chosen day and time, less than a week ago', () => {
    const choice = fc.record({
      on: fc.constant(true),
      day: fc.integer({ min: 0, max: 6 }).map((d) => d as Weekday),
      time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    });
    const instant = fc.integer({ min: local(2020, 1, 1), max: local(2030, 1, 1) });
    fc.assert(
      fc.property(choice, instant, (c, now) => {
        const week = weekKeyAt(c, now);
        const { start, end } = weekSpan(c, week);
        expect(weekdayOf(week)).toBe(c.day);
        expect(start).toBeLessThanOrEqual(now);
        expect(now).toBeLessThan(end);
        // Answered for this week: not asked again anywhere in it.
        expect(shouldAsk(c, { week, moments: [] }, now)).toBe(false);
        expect(shouldAsk(c, { week, moments: [] }, end - 1)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('what the card offers', () => {
  const now = local(2025, 3, 9, 19, 5);

  it("offers the week's own family times not yet over, each window once a weekday", () => {
    const offered = momentsOffered(dinnerEveryDay, SUNDAY_7PM, now);
    // Sunday's dinner began before the week did; next Sunday's begins inside it.
    const names = offered.map((o) => offerName(o, WORDS));
    expect(names).toEqual([
      "Monday's Dinner",
      "Tuesday's Dinner",
      "Wednesday's Dinner",
      "Thursday's Dinner",
      "Maya's recital, Thursday 6:00 PM",
      "Friday's Dinner",
      "Saturday's Dinner",
      "Sunday's Dinner",
    ]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('leaves out what has ended, and skipped or paused times', () => {
    const wednesday = local(2025, 3, 12, 20);
    const schedule: Schedule = { ...dinnerEveryDay, skips: [{ windowId: 'dinner', date: '2025-03-14' }] };
    const offered = momentsOffered(schedule, SUNDAY_7PM, wednesday).map((o) => offerName(o, WORDS));
    expect(offered).toEqual(["Thursday's Dinner", "Maya's recital, Thursday 6:00 PM", "Saturday's Dinner", "Sunday's Dinner"]);
    const paused = { ...dinnerEveryDay, windows: dinnerEveryDay.windows.map((w) => ({ ...w, paused: true })) };
    expect(momentsOffered(paused, SUNDAY_7PM, wednesday).map((o) => o.label)).toEqual(["Maya's recital"]);
  });

  it('names a chosen moment plainly: the day and the window, or the one-off by its name', () => {
    const [monday] = momentsOffered(dinnerEveryDay, SUNDAY_7PM, now);
    expect(momentName(monday!, WORDS)).toBe("Monday's Dinner");
    const recital = momentsOffered(dinnerEveryDay, SUNDAY_7PM, now).find((o) => o.source === 'block')!;
    expect(momentName(recital, WORDS)).toBe("Maya's recital");
  });
});

describe('chosen moments', () => {
  const now = local(2025, 3, 9, 19, 5);
  const offered = momentsOffered(dinnerEveryDay, SUNDAY_7PM, now);
  const tuesday = offered.find((o) => o.date === '2025-03-11')!;
  const recital = offered.find((o) => o.source === 'block')!;
  const chosen = { week: '2025-03-09', moments: [refOf(tuesday), refOf(recital)] };

  it('are known by window and date, or by block', () => {
    expect(isChosen(chosen, tuesday)).toBe(true);
    expect(isChosen(chosen, recital)).toBe(true);
    expect(isChosen(chosen, offered.find((o) => o.date === '2025-03-12')!)).toBe(false);
    expect(isChosen(null, tuesday)).toBe(false);
  });

  it('are found again from an occurrence key', () => {
    expect(isChosen(chosen, occurrenceOfKey(occurrenceKey(tuesday))!)).toBe(true);
    expect(isChosen(chosen, occurrenceOfKey(occurrenceKey(recital))!)).toBe(true);
    expect(occurrenceOfKey('site:slack')).toBeNull();
    expect(occurrenceOfKey('window:a:b:c:42')).toEqual({ source: 'window', id: 'a:b:c', start: 42, date: formatDateKey(42) });
  });

  it('get their heads-up half an hour ahead, or earlier when the usual one is', () => {
    expect(headsUpMinutesFor(tuesday, chosen, 10)).toBe(30);
    expect(headsUpMinutesFor(tuesday, chosen, 45)).toBe(45);
    expect(headsUpMinutesFor(offered[0]!, chosen, 10)).toBe(10);
  });

  it('move the next wake-up earlier: the heads-up comes 30 minutes before', () => {
    const settings = { ...defaultSettings(), schedule: dinnerEveryDay };
    const beforeTuesday = local(2025, 3, 11, 12);
    expect(desiredState(settings, [], beforeTuesday).headsUpAt).toBe(local(2025, 3, 11, 17, 50));
    const cared = desiredState({ ...settings, chosen }, [], beforeTuesday);
    expect(cared.headsUpAt).toBe(local(2025, 3, 11, 17, 30));
    expect(cared.wakeAt).toBe(local(2025, 3, 11, 17, 30));
  });
});

describe('a fresh moment', () => {
  const now = local(2025, 3, 9, 19, 5);

  it('becomes a one-off block on its day', () => {
    expect(freshSpan({ label: 'Recital', date: '2025-03-13', from: '18:00', until: '19:15' }, now)).toEqual({
      start: local(2025, 3, 13, 18),
      end: local(2025, 3, 13, 19, 15),
    });
  });

  it('says plainly what keeps it from being saved', () => {
    const fresh = { label: 'Recital', date: '2025-03-13', from: '18:00', until: '19:15' };
    expect(freshSpan({ ...fresh, until: '17:00' }, now)).toEqual({ problem: 'weeklyFreshEndsFirst' });
    expect(freshSpan({ ...fresh, date: '2025-03-09', from: '17:00', until: '18:00' }, now)).toEqual({ problem: 'weeklyFreshPast' });
    expect(freshSpan({ ...fresh, from: '' }, now)).toEqual({ problem: 'weeklyFreshUnreadable' });
    expect(freshSpan({ ...fresh, date: '2025-04-01' }, now)).toEqual({ problem: 'weeklyFreshUnreadable' });
  });
});
