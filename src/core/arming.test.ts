import { describe, expect, test } from 'vitest';
import { ARM_LEAD_MS } from './arming';
import { desiredState, spanOf } from './desired';

const min = 60_000;
const slack = { id: 'slack', pattern: 'app.slack.com', mode: 'dim' as const };
const blockAt = (start: number, end = start + 60 * min) => ({
  schedule: { windows: [], blocks: [{ id: 'b', label: 'Focus block', start, end }], skips: [] },
  sites: [slack],
});

describe('arming ahead of a start', () => {
  test('well before a start nothing is armed; its arming and its start each have a wake-up', () => {
    const desired = desiredState(blockAt(100 * min), [], 50 * min);
    expect(desired.armed).toBeNull();
    expect(desired.sites).toEqual([]);
    expect(desired.armAt).toBe(100 * min - ARM_LEAD_MS);
    expect(desired.wakeAt).toBe(100 * min);
  });

  test('within the lead the sites are planned for the start, with family time still off', () => {
    const start = 100 * min;
    const desired = desiredState(blockAt(start), [], start - ARM_LEAD_MS);
    expect(desired.active).toEqual([]);
    expect(desired.until).toBeNull();
    expect(desired.armed).toEqual({ from: start, until: start + 60 * min });
    expect(spanOf(desired)).toEqual(desired.armed);
    expect(desired.sites).toEqual([{ site: slack, mode: 'dim' }]);
    expect(desired.armAt).toBeNull();
    expect(desired.wakeAt).toBe(start);
  });

  test('a block set a few seconds ahead is armed at once', () => {
    const desired = desiredState(blockAt(10_000), [], 7_000);
    expect(desired.armed?.from).toBe(10_000);
    expect(desired.armAt).toBeNull();
  });

  test('at the start family time is on and nothing is armed', () => {
    const desired = desiredState(blockAt(10_000), [], 10_000);
    expect(desired.armed).toBeNull();
    expect(spanOf(desired)).toEqual({ from: null, until: 10_000 + 60 * min });
    expect(desired.sites).toHaveLength(1);
  });

  test('the block removed or moved later while armed: nothing is armed any more', () => {
    const now = 7_000;
    expect(desiredState({ ...blockAt(10_000), schedule: { windows: [], blocks: [], skips: [] } }, [], now).sites).toEqual([]);
    const moved = desiredState(blockAt(10 * min), [], now);
    expect(moved.armed).toBeNull();
    expect(moved.sites).toEqual([]);
    expect(moved.armAt).toBe(10 * min - ARM_LEAD_MS);
  });

  test("a way through from the family time before does not carry into the one armed", () => {
    const desired = desiredState(blockAt(10_000), [{ siteId: 'slack', until: 20_000 }], 7_000);
    expect(desired.sites).toEqual([{ site: slack, mode: 'dim' }]);
  });

  test('a heads-up is still due before an armed start', () => {
    const settings = { ...blockAt(100 * min), preferences: { headsUp: true, headsUpMinutes: 10 } };
    expect(desiredState(settings, [], 50 * min).headsUpAt).toBe(90 * min);
  });
});

describe('readying the end', () => {
  const start = 100 * min;
  const end = start + 60 * min;

  test('while family time is on, its end is readied the lead ahead, by its own wake-up', () => {
    const desired = desiredState(blockAt(start, end), [], start + min);
    expect(desired.ending).toBe(false);
    expect(desired.armAt).toBe(end - ARM_LEAD_MS);
    expect(desired.wakeAt).toBe(end);
  });

  test('within the lead the end is readied, with family time and its sites still on', () => {
    const desired = desiredState(blockAt(start, end), [], end - ARM_LEAD_MS);
    expect(desired.ending).toBe(true);
    expect(desired.active).toHaveLength(1);
    expect(desired.sites).toEqual([{ site: slack, mode: 'dim' }]);
    expect(desired.armAt).toBeNull();
  });

  test('a window that follows on: the end readied is the end of both', () => {
    const settings = blockAt(start, end);
    const next = { id: 'c', label: 'Bedtime', start: end, end: end + 30 * min };
    const both = { ...settings, schedule: { ...settings.schedule, blocks: [...settings.schedule.blocks, next] } };
    expect(desiredState(both, [], end - ARM_LEAD_MS).ending).toBe(false);
    expect(desiredState(both, [], start + min).armAt).toBe(end + 30 * min - ARM_LEAD_MS);
  });

  test('after the end nothing is readied, and the next start is armed as before', () => {
    const desired = desiredState(blockAt(start, end), [], end);
    expect(desired.ending).toBe(false);
    expect(desired.active).toEqual([]);
  });
});
