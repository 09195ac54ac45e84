import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from './records';
import { reflect } from './reflection';
import { familyTimeEndsFirst, wayThroughLengths, wayThroughUntil } from './wayThrough';

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 2, 12, 18, 0); // family time starts
const at = (minutes: number) => T0 + minutes * MINUTE;

function boundary(type: 'boundary-start' | 'boundary-end', minutes: number, key = 'block:dinner'): HistoryEvent {
  return { key: `${type}|${key}`, type, occurrenceKey: key, label: 'Dinner', at: at(minutes) };
}
function way(minutes: number, detail = 'way-through:10', site = 'slack'): HistoryEvent {
  return { key: `override|site:${site}|${at(minutes)}`, type: 'override', occurrenceKey: `site:${site}`, label: site, at: at(minutes), detail };
}
/** Family time from T0 to `endMinutes` (open-ended when null), as reflection merges it. */
const family = (endMinutes: number | null) => [{ start: T0, end: endMinutes === null ? Infinity : at(endMinutes) }];
const lengthOf = (e: HistoryEvent, events: HistoryEvent[], endMinutes: number | null, nowMinutes: number) =>
  wayThroughLengths(events, family(endMinutes), at(nowMinutes)).get(e);

describe('a way through opened now', () => {
  it('closes after the chosen minutes, or with family time when that ends first', () => {
    expect(wayThroughUntil(at(0), 10, at(60))).toBe(at(10));
    expect(wayThroughUntil(at(55), 10, at(60))).toBe(at(60));
    expect(wayThroughUntil(at(0), 10, null)).toBe(at(10));
    expect(familyTimeEndsFirst(at(55), 10, at(60))).toBe(true);
    expect(familyTimeEndsFirst(at(50), 10, at(60))).toBe(false);
    expect(familyTimeEndsFirst(at(0), 10, null)).toBe(false);
  });
});

describe('how long a way through lasted', () => {
  it('is the minutes chosen when it closed by itself', () => {
    const w = way(5);
    expect(lengthOf(w, [w], 60, 120)).toEqual({ minutes: 10 });
  });

  it('ends with the family time it was opened in: cut after a minute and a half, it lasted 1 minute', () => {
    const w = way(10);
    expect(lengthOf(w, [w], 11.5, 120)).toEqual({ minutes: 1 });
  });

  it('under a minute is 0 whole minutes', () => {
    const w = way(10);
    expect(lengthOf(w, [w], 10.8, 120)).toEqual({ minutes: 0 });
  });

  it('still open now: the minutes so far, and open', () => {
    const w = way(10);
    expect(lengthOf(w, [w], null, 13.5)).toEqual({ minutes: 3, open: true });
    expect(lengthOf(w, [w], 60, 10.2)).toEqual({ minutes: 0, open: true });
  });

  it('ends when the next way through to the same site takes its place, not another site', () => {
    const first = way(5);
    const other = way(7, 'way-through:10', 'mail');
    const second = way(8);
    const events = [second, other, first];
    expect(lengthOf(first, events, 60, 120)).toEqual({ minutes: 3 });
    expect(lengthOf(other, events, 60, 120)).toEqual({ minutes: 10 });
    expect(lengthOf(second, events, 60, 120)).toEqual({ minutes: 10 });
  });

  it('outside any recorded family time (its start cleared away) runs its minutes', () => {
    const w = way(5);
    expect(wayThroughLengths([w], [], at(120)).get(w)).toEqual({ minutes: 10 });
  });

  it('is unknown for an older record without the minutes chosen; other overrides are not ways through', () => {
    const w = way(5, 'way-through');
    const ended = way(6, 'ended-early');
    const lengths = wayThroughLengths([w, ended, way(7, 'way-through:soon')], family(60), at(120));
    expect([...lengths.values()]).toEqual([{}]);
    expect(lengths.get(w)).toEqual({});
  });
});

describe('reflection of a way through cut short by the end of family time', () => {
  it('says the minutes it really lasted, from the boundary end beside it', () => {
    const events = [boundary('boundary-start', 0), way(30), boundary('boundary-end', 31.5)];
    expect(reflect(events, [], 0, at(90)).facts).toEqual([{ at: at(30), label: 'slack', kind: 'way-through', minutes: 1 }]);
  });

  it('counts a way through still open in family time still on up to now', () => {
    const events = [boundary('boundary-start', 0), way(30)];
    expect(reflect(events, [], 0, at(34)).facts).toEqual([{ at: at(30), label: 'slack', kind: 'way-through', minutes: 4, open: true }]);
  });
});
