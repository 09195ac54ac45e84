// Reflection from history, in Europe/London (GMT in winter, BST from the last Sunday
// of March to the last Sunday of October), so days and weeks with a clock change
// are real ones. The zone is set at import; the first test guards that it took effect.
process.env.TZ = 'Europe/London';

import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from './records';
import { durationWords, reflect, stretches } from './reflection';

const HOUR = 3_600_000;

/** An instant by the local (London) wall clock; month 1–12. */
const local = (y: number, mo: number, d: number, h = 0, mi = 0): number => new Date(y, mo - 1, d, h, mi).getTime();

function start(key: string, at: number, label = 'Dinner'): HistoryEvent {
  return { key: `boundary-start|${key}`, type: 'boundary-start', occurrenceKey: key, label, at };
}
function end(key: string, at: number, label = 'Dinner'): HistoryEvent {
  return { key: `boundary-end|${key}`, type: 'boundary-end', occurrenceKey: key, label, at };
}
/** A boundary that came on at `from` and went off at `to`. */
const boundary = (key: string, from: number, to: number, label = 'Dinner'): HistoryEvent[] => [
  start(key, from, label),
  end(key, to, label),
];
function override(occurrenceKey: string, at: number, label: string, detail: string): HistoryEvent {
  return { key: `override|${occurrenceKey}|${at}`, type: 'override', occurrenceKey, label, at, detail };
}

/** All of it today: the week's total and today's bar both show `hours`. */
function expectTodayOnly(view: ReturnType<typeof reflect>, hours: number): void {
  expect(view.weekHours).toBe(hours);
  expect(view.last7Days.at(-1)?.hours).toBe(hours);
}

/** The day series as "date hours" pairs, for readable expectations. */
const series = (days: { date: string; hours: number }[]) => days.map((d) => `${d.date} ${d.hours}`);

describe('reflection', () => {
  it('guard: Europe/London is in effect (GMT in January, BST in July)', () => {
    expect(new Date(Date.UTC(2025, 0, 15)).getTimezoneOffset()).toBe(0);
    expect(new Date(Date.UTC(2025, 6, 15)).getTimezoneOffset()).toBe(-60);
  });

  describe('empty history', () => {
    it('is all zeros, with the right days and no facts', () => {
      const now = local(2025, 3, 12, 20, 0); // Wednesday
      const view = reflect([], [], 0, now);
      expect(view).toMatchObject({
        now,
        weekStart: local(2025, 3, 10),
        monthStart: local(2025, 3, 1),
        weekHours: 0,
        monthHours: 0,
        thoughtsThisWeek: 0,
        thoughtsThisMonth: 0,
        facts: [],
        favourites: 0,
        hasHistory: false,
      });
      expect(view.last7Days.map((d) => d.date)).toEqual([
        '2025-03-06',
        '2025-03-07',
        '2025-03-08',
        '2025-03-09',
        '2025-03-10',
        '2025-03-11',
        '2025-03-12',
      ]);
      expect(view.last7Days.every((d) => d.hours === 0)).toBe(true);
      expect(view.last30Days).toHaveLength(30);
      expect(view.last30Days[0]).toEqual({ date: '2025-02-11', start: local(2025, 2, 11), hours: 0 });
      expect(view.last30Days.at(-1)?.date).toBe('2025-03-12');
    });

    it('has history as soon as a thought is parked, even with no events', () => {
      const now = local(2025, 3, 12, 20, 0);
      expect(reflect([], [{ parkedAt: now - HOUR }], 0, now).hasHistory).toBe(true);
    });
  });

  describe('hours this week and this month', () => {
    it('counts each boundary once, by its local days, up to now', () => {
      const now = local(2025, 3, 12, 20, 0); // Wednesday 12 March
      const events = [
        ...boundary('window:dinner:mon', local(2025, 3, 10, 18), local(2025, 3, 10, 19, 30)),
        ...boundary('window:dinner:tue', local(2025, 3, 11, 18), local(2025, 3, 11, 19, 30)),
        // Last week (Sunday 9 March), this month: in the month, not in the week.
        ...boundary('window:weekend:sat', local(2025, 3, 8), local(2025, 3, 10)),
        // February: neither.
        ...boundary('window:dinner:feb', local(2025, 2, 27, 18), local(2025, 2, 27, 19)),
      ];
      const view = reflect(events, [], 0, now);
      expect(view.weekHours).toBe(3);
      expect(view.monthHours).toBe(3 + 48);
      expect(series(view.last7Days)).toEqual([
        '2025-03-06 0',
        '2025-03-07 0',
        '2025-03-08 24',
        '2025-03-09 24',
        '2025-03-10 1.5',
        '2025-03-11 1.5',
        '2025-03-12 0',
      ]);
      expect(view.last30Days.find((d) => d.date === '2025-02-27')?.hours).toBe(1);
    });

    it('counts a stretch that began last week only from Monday 00:00', () => {
      const now = local(2025, 3, 10, 12, 0); // Monday noon
      const events = boundary('window:bedtime:sun', local(2025, 3, 9, 22), local(2025, 3, 10, 6, 30), 'Bedtime');
      const view = reflect(events, [], 0, now);
      expect(view.weekStart).toBe(local(2025, 3, 10));
      expect(view.weekHours).toBe(6.5);
      expect(view.monthHours).toBe(8.5);
    });

    it('starts the week on Monday when today is Sunday, and at now when now is Monday 00:00', () => {
      expect(reflect([], [], 0, local(2025, 3, 16, 23, 59)).weekStart).toBe(local(2025, 3, 10));
      const midnight = local(2025, 3, 17);
      const view = reflect(boundary('k', local(2025, 3, 16, 20), midnight), [], 0, midnight);
      expect(view.weekStart).toBe(midnight);
      expect(view.weekHours).toBe(0);
      expect(view.monthHours).toBe(4);
    });

    it('keeps the month and the 30-day series apart: 1 January is in January but not in the last 30 days on the 31st', () => {
      const now = local(2025, 1, 31, 21, 0);
      const view = reflect(boundary('k', local(2025, 1, 1, 10), local(2025, 1, 1, 12)), [], 0, now);
      expect(view.monthHours).toBe(2);
      expect(view.last30Days[0]?.date).toBe('2025-01-02');
      expect(view.last30Days.reduce((sum, d) => sum + d.hours, 0)).toBe(0);
    });
  });

  describe('overlaps', () => {
    it('merges overlapping, nested and touching boundaries so no time counts twice', () => {
      const now = local(2025, 3, 12, 23, 0);
      const events = [
        ...boundary('window:dinner', local(2025, 3, 12, 18), local(2025, 3, 12, 19, 30)),
        // Overlaps dinner by half an hour.
        ...boundary('window:bath', local(2025, 3, 12, 19), local(2025, 3, 12, 20), 'Bath time'),
        // Inside dinner entirely.
        ...boundary('block:focus', local(2025, 3, 12, 18, 30), local(2025, 3, 12, 18, 45), 'Focus block'),
        // Touches bath time's end.
        ...boundary('window:bedtime', local(2025, 3, 12, 20), local(2025, 3, 12, 21), 'Bedtime'),
      ];
      expect(stretches(events, now)).toEqual([{ start: local(2025, 3, 12, 18), end: local(2025, 3, 12, 21) }]);
      const view = reflect(events, [], 0, now);
      expectTodayOnly(view, 3);
    });

    it('keeps separate stretches separate, in order', () => {
      const now = local(2025, 3, 12, 23, 0);
      const events = [
        ...boundary('b', local(2025, 3, 12, 20), local(2025, 3, 12, 21)),
        ...boundary('a', local(2025, 3, 12, 7), local(2025, 3, 12, 8)),
      ];
      expect(stretches(events, now)).toEqual([
        { start: local(2025, 3, 12, 7), end: local(2025, 3, 12, 8) },
        { start: local(2025, 3, 12, 20), end: local(2025, 3, 12, 21) },
      ]);
      expect(reflect(events, [], 0, now).weekHours).toBe(2);
    });
  });

  describe('midnight', () => {
    it('splits a stretch that crosses midnight over the two days', () => {
      const now = local(2025, 3, 11, 12, 0); // Tuesday noon
      const events = boundary('window:bedtime:mon', local(2025, 3, 10, 22), local(2025, 3, 11, 6, 30), 'Bedtime');
      const view = reflect(events, [], 0, now);
      expect(series(view.last7Days).slice(-2)).toEqual(['2025-03-10 2', '2025-03-11 6.5']);
      expect(view.weekHours).toBe(8.5);
    });

    it('splits one across a month end: March gets only its own part', () => {
      const now = local(2025, 3, 1, 9, 0); // Saturday 1 March
      const events = boundary('window:bedtime', local(2025, 2, 28, 22), local(2025, 3, 1, 7), 'Bedtime');
      const view = reflect(events, [], 0, now);
      expect(view.monthStart).toBe(local(2025, 3, 1));
      expect(view.monthHours).toBe(7);
      expect(view.weekHours).toBe(9); // the week began on Monday 24 February
    });
  });

  describe('daylight saving (days cut at local midnight, not in 24-hour steps)', () => {
    it('gives the spring-forward Sunday 23 hours, in a week that adds up', () => {
      // Clocks go forward at 01:00 GMT on Sunday 30 March 2025.
      const now = local(2025, 3, 31, 12, 0); // Monday 31 March, BST
      const events = boundary('window:weekend', local(2025, 3, 29), local(2025, 3, 31), 'Weekend');
      const view = reflect(events, [], 0, now);
      expect(local(2025, 3, 31) - local(2025, 3, 29)).toBe(47 * HOUR);
      expect(series(view.last7Days)).toEqual([
        '2025-03-25 0',
        '2025-03-26 0',
        '2025-03-27 0',
        '2025-03-28 0',
        '2025-03-29 24',
        '2025-03-30 23',
        '2025-03-31 0',
      ]);
      // Each day starts at its own local midnight: Monday's is 23:00 UTC on Sunday.
      expect(view.last7Days.at(-1)?.start).toBe(Date.UTC(2025, 2, 30, 23));
      expect(view.last7Days.at(-2)?.start).toBe(Date.UTC(2025, 2, 30, 0));
      expect(view.weekStart).toBe(local(2025, 3, 31));
      expect(view.weekHours).toBe(0);
      expect(view.monthHours).toBe(47);
    });

    it('counts the week of the change from its Monday, and the day totals add up to the week', () => {
      const now = local(2025, 3, 30, 22, 0); // Sunday 30 March, evening, BST
      const events = [
        ...boundary('window:dinner:mon', local(2025, 3, 24, 18), local(2025, 3, 24, 19)),
        ...boundary('window:bedtime:sat', local(2025, 3, 29, 22), local(2025, 3, 30, 7), 'Bedtime'),
      ];
      const view = reflect(events, [], 0, now);
      // Saturday 22:00 GMT to Sunday 07:00 BST is 8 real hours, not 9.
      expect(series(view.last7Days).slice(-2)).toEqual(['2025-03-29 2', '2025-03-30 6']);
      expect(view.weekHours).toBe(1 + 8);
      expect(view.last7Days.reduce((sum, d) => sum + d.hours, 0)).toBe(view.weekHours);
    });

    it('gives the fall-back Sunday 25 hours', () => {
      // Clocks go back at 02:00 BST on Sunday 26 October 2025.
      const now = local(2025, 10, 27, 12, 0);
      const events = boundary('window:weekend', local(2025, 10, 25), local(2025, 10, 27), 'Weekend');
      const view = reflect(events, [], 0, now);
      expect(series(view.last7Days).slice(-3)).toEqual(['2025-10-25 24', '2025-10-26 25', '2025-10-27 0']);
      expect(view.monthHours).toBe(49);
      expect(view.last30Days).toHaveLength(30);
    });

    it('starts the month at local midnight in summer time (23:00 UTC the day before)', () => {
      const now = local(2025, 4, 1, 9, 0);
      const view = reflect(boundary('k', local(2025, 3, 31, 22), local(2025, 4, 1, 1)), [], 0, now);
      expect(view.monthStart).toBe(Date.UTC(2025, 2, 31, 23));
      expect(view.monthHours).toBe(1);
    });
  });

  describe('running and unmatched events', () => {
    it('counts a boundary that is still on until now', () => {
      const now = local(2025, 3, 12, 18, 45);
      const view = reflect([start('window:dinner', local(2025, 3, 12, 18))], [], 0, now);
      expectTodayOnly(view, 0.75);
    });

    it('counts a running boundary once when it overlaps a finished one', () => {
      const now = local(2025, 3, 12, 20, 0);
      const events = [
        ...boundary('window:dinner', local(2025, 3, 12, 18), local(2025, 3, 12, 19)),
        start('block:focus', local(2025, 3, 12, 18, 30), 'Focus block'),
      ];
      expect(reflect(events, [], 0, now).weekHours).toBe(2);
    });

    it('leaves out an end whose start is gone (history cleared mid-way)', () => {
      const now = local(2025, 3, 12, 20, 0);
      const events = [
        end('window:dinner', local(2025, 3, 12, 19, 30)),
        ...boundary('window:bath', local(2025, 3, 12, 19, 45), local(2025, 3, 12, 20), 'Bath time'),
      ];
      const view = reflect(events, [], 0, now);
      expect(view.weekHours).toBe(0.25);
      expect(view.hasHistory).toBe(true);
    });

    it('leaves out what has not happened yet and ends that come before their start', () => {
      const now = local(2025, 3, 12, 20, 0);
      const events = [
        start('future', now + HOUR),
        ...boundary('backwards', local(2025, 3, 12, 19), local(2025, 3, 12, 18)),
        // An end recorded beyond now (a clock that jumped back) counts only to now.
        ...boundary('late', local(2025, 3, 12, 19, 30), now + HOUR),
      ];
      const view = reflect(events, [], 0, now);
      expect(view.weekHours).toBe(0.5);
    });
  });

  describe('thoughts, favourites and facts', () => {
    it('counts thoughts parked this week and this month, not later ones', () => {
      const now = local(2025, 3, 12, 20, 0);
      const thoughts = [
        local(2025, 3, 10), // Monday 00:00: this week
        local(2025, 3, 12, 19),
        local(2025, 3, 9, 23, 59), // Sunday: this month only
        local(2025, 3, 1),
        local(2025, 2, 28, 23, 59), // February
        now + 1,
      ].map((parkedAt) => ({ parkedAt }));
      const view = reflect([], thoughts, 0, now);
      expect(view.thoughtsThisWeek).toBe(2);
      expect(view.thoughtsThisMonth).toBe(4);
    });

    it('passes the favourites count through, as a whole number that is never negative', () => {
      const now = local(2025, 3, 12, 20, 0);
      expect(reflect([], [], 4, now).favourites).toBe(4);
      expect(reflect([], [], -1, now).favourites).toBe(0);
      expect(reflect([], [], Number.NaN, now).favourites).toBe(0);
    });

    it('lists ways through and early endings of the last 30 days as facts, newest first', () => {
      const now = local(2025, 3, 12, 20, 0);
      const events = [
        ...boundary('window:dinner:mon', local(2025, 3, 10, 18), local(2025, 3, 10, 19, 5)),
        override('window:dinner:mon', local(2025, 3, 10, 19, 5), 'Dinner', 'ended-early'),
        override('site:slack', local(2025, 3, 11, 18, 40), 'Slack', 'way-through:10'),
        override('site:mail', local(2025, 3, 12, 18, 10), 'Gmail', 'way-through'),
        // Something Hearth does not list, and a malformed detail.
        override('window:bedtime', local(2025, 3, 11, 21), 'Bedtime', 'from-a-newer-hearth'),
        override('site:docs', local(2025, 3, 11, 21, 30), 'Docs', 'way-through:soon'),
        // Before the 30 days (they begin on 11 February).
        override('site:slack', local(2025, 2, 10, 18), 'Slack', 'way-through:5'),
      ];
      expect(reflect(events, [], 0, now).facts).toEqual([
        { at: local(2025, 3, 12, 18, 10), label: 'Gmail', kind: 'way-through' },
        { at: local(2025, 3, 11, 18, 40), label: 'Slack', kind: 'way-through', minutes: 10 },
        { at: local(2025, 3, 10, 19, 5), label: 'Dinner', kind: 'ended-early' },
      ]);
    });

    it('includes a fact from the first of the 30 days, and none from the future', () => {
      const now = local(2025, 3, 12, 20, 0);
      const events = [
        override('site:slack', local(2025, 2, 11), 'Slack', 'way-through:10'),
        override('window:dinner', now + 1, 'Dinner', 'ended-early'),
      ];
      expect(reflect(events, [], 0, now).facts.map((f) => f.at)).toEqual([local(2025, 2, 11)]);
    });
  });
});

describe('durationWords', () => {
  const minutes = (m: number) => m / 60;
  it.each([
    [0, { kind: 'none' }],
    [minutes(3 / 60), { kind: 'under-minute' }], // 3 seconds
    [minutes(29 / 60), { kind: 'under-minute' }],
    [minutes(30 / 60), { kind: 'minutes', minutes: 1 }],
    [minutes(3), { kind: 'minutes', minutes: 3 }],
    [minutes(59.4), { kind: 'minutes', minutes: 59 }],
    [minutes(59.6), { kind: 'hours', hours: 1, minutes: 0 }],
    [minutes(62), { kind: 'hours', hours: 1, minutes: 0 }],
    [minutes(63), { kind: 'hours', hours: 1, minutes: 5 }],
    [1.5, { kind: 'hours', hours: 1, minutes: 30 }],
    [minutes(9 * 60 + 52), { kind: 'hours', hours: 9, minutes: 50 }],
    [minutes(9 * 60 + 58), { kind: 'hours', hours: 10, minutes: 0 }],
    [12.4, { kind: 'hours', hours: 12, minutes: 0 }],
    [40.6, { kind: 'hours', hours: 41, minutes: 0 }],
    [-1, { kind: 'none' }],
    [Number.NaN, { kind: 'none' }],
  ])('%f hours → %o', (hours, words) => {
    expect(durationWords(hours)).toEqual(words);
  });
});

describe('notifications held back', () => {
  it('are summed from the reports of this week and this month', () => {
    const now = new Date(2026, 10, 25, 20, 0).getTime(); // Wednesday
    const held = (at: number, count: string) => ({ key: `held|site:s|${at}`, at, type: 'held' as const, occurrenceKey: 'site:s', label: 'Slack', detail: count });
    const view = reflect(
      [held(new Date(2026, 10, 24, 19, 0).getTime(), '3'), held(new Date(2026, 10, 25, 18, 30).getTime(), '2'), held(new Date(2026, 10, 3, 18, 0).getTime(), '7')],
      [],
      0,
      now,
    );
    expect(view.heldThisWeek).toBe(5);
    expect(view.heldThisMonth).toBe(12);
    // Reports are not facts about the parent, and not family time.
    expect(view.facts).toEqual([]);
    expect(view.weekHours).toBe(0);
  });

  it('are summed from one row per boundary, site and tab, beside older rows, without ending the boundary', () => {
    const now = new Date(2026, 10, 25, 20, 0).getTime(); // Wednesday
    const start = new Date(2026, 10, 25, 18, 0).getTime();
    const boundary = `window:dinner:${start}`;
    const row = (site: string, tab: number, at: number, count: number) => ({
      key: `held|${boundary}|site:${site}|tab:${tab}`,
      at,
      type: 'held' as const,
      occurrenceKey: boundary,
      label: site,
      count,
    });
    const view = reflect(
      [
        { key: `boundary-start|${boundary}`, at: start, type: 'boundary-start', occurrenceKey: boundary, label: 'Dinner' },
        row('slack', 1, start + 60_000, 500),
        row('slack', 2, start + 90_000, 7),
        row('gmail', 3, start + 120_000, 3),
        { key: 'held|site:slack|1', at: start - 60_000, type: 'held', occurrenceKey: 'site:slack', label: 'Slack', detail: '4' },
        // Unreadable counts count for nothing rather than spoil the sum.
        { ...row('jira', 4, start, 0), count: -2 },
        { key: 'held|site:jira|2', at: start, type: 'held', occurrenceKey: 'site:jira', label: 'Jira', detail: 'many' },
      ],
      [],
      0,
      now,
    );
    expect(view.heldThisWeek).toBe(514);
    expect(view.heldThisMonth).toBe(514);
    // The boundary is still running: a held row under its key is not its end.
    expect(view.weekHours).toBe(2);
  });
});

describe('let through during family time', () => {
  it('counts this week’s, with each rule’s words once, and nothing from before the week', () => {
    const now = local(2025, 3, 12, 20, 0); // Wednesday
    const passed = (at: number, rule: string): HistoryEvent => ({ key: `let-through|${at}`, at, type: 'let-through', occurrenceKey: 'site:s', label: 'Gmail', detail: rule });
    const view = reflect(
      [passed(local(2025, 3, 12, 19, 0), 'School office'), passed(local(2025, 3, 11, 19, 0), 'School office'), passed(local(2025, 3, 11, 19, 5), 'urgent'), passed(local(2025, 3, 2, 19, 0), 'Nursery')],
      [],
      0,
      now,
    );
    expect(view.letThroughThisWeek).toEqual({ count: 3, rules: ['School office', 'urgent'] });
    expect(reflect([], [], 0, now).letThroughThisWeek).toEqual({ count: 0, rules: [] });
  });
});
