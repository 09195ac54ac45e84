import { describe, expect, test } from 'vitest';
import { desiredState, headsUpDue, transitions, type AppliedOccurrence } from './desired';

const dinner: AppliedOccurrence = { key: 'window:dinner:1000', label: 'Dinner', start: 1000, end: 5000 };
const focus: AppliedOccurrence = { key: 'block:f:2000', label: 'Focus block', start: 2000, end: 4000 };

describe('transitions between applied states', () => {
  test('nothing changes when the same boundaries stay on', () => {
    expect(transitions([dinner], [dinner], 3000)).toEqual([]);
  });

  test('a boundary that comes on is dated at its own start', () => {
    expect(transitions([], [dinner], 1500)).toEqual([
      { type: 'boundary-start', occurrenceKey: dinner.key, label: 'Dinner', at: 1000 },
    ]);
  });

  test('a boundary that ends on time is dated at its end, even when noticed later', () => {
    expect(transitions([dinner], [], 9000)).toEqual([
      { type: 'boundary-end', occurrenceKey: dinner.key, label: 'Dinner', at: 5000 },
    ]);
  });

  test('a boundary the clock was set back before goes off dated at its own start, never before it', () => {
    expect(transitions([dinner], [], 400)).toEqual([{ type: 'boundary-end', occurrenceKey: dinner.key, label: 'Dinner', at: 1000 }]);
  });

  test('a boundary that goes off early is dated when it went off', () => {
    expect(transitions([dinner, focus], [dinner], 2500)).toEqual([
      { type: 'boundary-end', occurrenceKey: focus.key, label: 'Focus block', at: 2500 },
    ]);
  });
});

describe('desired state', () => {
  const settings = {
    schedule: { windows: [], blocks: [{ id: 'b', label: 'Focus block', start: 0, end: 60 * 60_000 }], skips: [] },
    sites: [{ id: 'slack', pattern: 'app.slack.com', mode: 'dim' as const }],
  };

  test('a way through wakes the worker when it runs out, before the block ends', () => {
    const now = 10 * 60_000;
    const desired = desiredState(settings, [{ siteId: 'slack', until: now + 5 * 60_000 }], now);
    expect(desired.wakeAt).toBe(now + 5 * 60_000);
    expect(desired.sites).toEqual([{ site: settings.sites[0], mode: 'quiet' }]);
  });

  test('outside family time no site is quieted, and the next start wakes the worker', () => {
    const later = { ...settings, schedule: { ...settings.schedule, blocks: [{ id: 'b', label: 'Focus block', start: 50_000, end: 90_000 }] } };
    const desired = desiredState(later, [], 1000);
    expect(desired.sites).toEqual([]);
    expect(desired.wakeAt).toBe(50_000);
  });
});

describe('heads-up', () => {
  const block = (start: number) => ({
    schedule: { windows: [], blocks: [{ id: 'b', label: 'Bath time', start, end: start + 60 * 60_000 }], skips: [] },
    sites: [],
    preferences: { headsUp: true, headsUpMinutes: 10 },
  });
  const min = 60_000;

  test('is due from its minute until the window starts, within a short grace', () => {
    const s = block(100 * min);
    expect(headsUpDue(desiredState(s, [], 89 * min), 89 * min)).toBe(false);
    expect(headsUpDue(desiredState(s, [], 90 * min), 90 * min)).toBe(true);
    expect(headsUpDue(desiredState(s, [], 91 * min), 91 * min)).toBe(true);
    // Noticed too late (asleep, or the window was just created): no heads-up.
    expect(headsUpDue(desiredState(s, [], 95 * min), 95 * min)).toBe(false);
  });

  test('wakes the worker at its minute', () => {
    expect(desiredState(block(100 * min), [], 50 * min).wakeAt).toBe(90 * min);
  });
});
