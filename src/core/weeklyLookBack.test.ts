process.env.TZ = 'Europe/London';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppliedOccurrence } from './desired';
import type { HistoryEvent } from './records';
import { reflect } from './reflection';
import { keptChosen } from './weeklyChoice';
import { lookBack } from './weeklyLookBack';

const local = (y: number, mo: number, d: number, h = 0, mi = 0): number => new Date(y, mo - 1, d, h, mi).getTime();

const tuesdayDinner: AppliedOccurrence = { key: `window:dinner:${local(2025, 3, 11, 18)}`, label: 'Dinner', start: local(2025, 3, 11, 18), end: local(2025, 3, 11, 19, 30) };
const recital: AppliedOccurrence = { key: `block:recital:${local(2025, 3, 13, 18)}`, label: "Maya's recital", start: local(2025, 3, 13, 18), end: local(2025, 3, 13, 19) };
const chosen = { week: '2025-03-09', moments: [{ windowId: 'dinner', date: '2025-03-11' }, { blockId: 'recital' }] };

describe('chosen moments kept to their end', () => {
  it('are the chosen ones that went off at or after their end', () => {
    expect(keptChosen([tuesdayDinner], [], chosen, tuesdayDinner.end)).toEqual([tuesdayDinner]);
    // Noticed later (the computer slept through the end): still kept.
    expect(keptChosen([tuesdayDinner], [], chosen, tuesdayDinner.end + 3_600_000)).toEqual([tuesdayDinner]);
  });

  it('leave out one that went off early (ended, skipped, deleted), one still on, and one not chosen', () => {
    expect(keptChosen([tuesdayDinner], [], chosen, tuesdayDinner.end - 60_000)).toEqual([]);
    expect(keptChosen([tuesdayDinner], [tuesdayDinner], chosen, tuesdayDinner.end + 1)).toEqual([]);
    expect(keptChosen([tuesdayDinner], [], { ...chosen, moments: [{ blockId: 'recital' }] }, tuesdayDinner.end)).toEqual([]);
    expect(keptChosen([tuesdayDinner], [], null, tuesdayDinner.end)).toEqual([]);
  });
});

const row = (type: HistoryEvent['type'], at: number, label: string, detail: string, key = label): HistoryEvent => ({
  key: `${type}|${key}`,
  type,
  at,
  occurrenceKey: key,
  label,
  detail,
});

describe('looking back on the week', () => {
  const answered = row('week-answered', local(2025, 3, 9, 19, 5), '', '2025-03-09', 'week:2025-03-09');
  const kept = [row('moment-kept', tuesdayDinner.end, "Tuesday's Dinner", '2025-03-09'), row('moment-kept', recital.end, "Maya's recital", '2025-03-09')];
  const endedEarly = row('moment-ended-early', local(2025, 3, 14, 18, 20), "Friday's Dinner", '2025-03-09');

  it('lists the moments kept to their end, in order, and nothing else', () => {
    const events = [answered, ...kept.reverse(), endedEarly];
    expect(lookBack(events, local(2025, 3, 16, 12))).toEqual(["Tuesday's Dinner", "Maya's recital"]);
    // During the week: only those already past.
    expect(lookBack(events, local(2025, 3, 12, 9))).toEqual(["Tuesday's Dinner"]);
  });

  it('is empty before any answer, for a "Not this week", and for an answer long gone', () => {
    expect(lookBack(kept, local(2025, 3, 16))).toEqual([]);
    const skipped = row('week-answered', local(2025, 3, 16, 19, 1), '', '2025-03-16', 'week:2025-03-16');
    expect(lookBack([answered, ...kept, skipped], local(2025, 3, 17))).toEqual([]);
    expect(lookBack([answered, ...kept], local(2025, 4, 20))).toEqual([]);
  });

  it('reaches the reflection view', () => {
    expect(reflect([answered, ...kept], [], 0, local(2025, 3, 16)).thereFor).toEqual(["Tuesday's Dinner", "Maya's recital"]);
  });

  it('property: never lists a moment that was not kept, and never the same one twice', () => {
    const type = fc.constantFrom<HistoryEvent['type']>('moment-kept', 'moment-chosen', 'moment-ended-early', 'boundary-end', 'override');
    const event = fc.record({ type, at: fc.integer({ min: local(2025, 3, 9), max: local(2025, 3, 17) }), label: fc.constantFrom('A', 'B', 'C') });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (list) => {
        const events = [answered, ...list.map((e, i) => row(e.type, e.at, e.label, '2025-03-09', `${e.label}${i}`))];
        const names = lookBack(events, local(2025, 3, 17));
        expect(new Set(names).size).toBe(names.length);
        for (const name of names) expect(list.some((e) => e.type === 'moment-kept' && e.label === name)).toBe(true);
      }),
    );
  });
});
