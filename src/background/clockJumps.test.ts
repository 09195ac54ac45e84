// The clock jumps: forward (the computer slept across a window's end), back (set back
// into a window, or out of one), and across daylight-saving changes. Each reconcile is
// handed its clock, as the worker's events hand it Date.now(); afterwards the alarm,
// the history of starts and ends, and the desired state must all be right.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import type { Settings } from '../core/settings/schema';
import type { BoundaryWindow } from '../core/types';
import { TRANSITION_ALARM } from './enforcers/alarm';
import { WELCOME_BACK_ID, noticeOnce } from './enforcers/notices';
import type { HistoryEvent } from '../core/records';
import { openHistory } from './history';
import { reconcile } from './reconcile';
import { SETTINGS_KEY } from './store';

vi.mock('./enforcers/sites', () => import('../../tests/unit/workerFakes').then((m) => m.sitesWithoutEffects()));
vi.mock('./enforcers/notices', () => import('../../tests/unit/workerFakes').then((m) => m.noticesShownQuietly()));

process.env.TZ = 'Europe/London';
/** Local (London) wall time on an ordinary day: Wednesday 25 November 2026 is day 25. */
const nov = (day: number, hh: number, mm = 0) => new Date(2026, 10, day, hh, mm).getTime();
const HOUR = 3_600_000;

async function useSettings(change: (s: Settings) => void = () => undefined): Promise<void> {
  const settings = defaultSettings();
  settings.preferences.headsUp = false; // the alarm then points at transitions alone
  change(settings);
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
}

const alarmAt = async () => (await fakeBrowser.alarms.get(TRANSITION_ALARM))?.scheduledTime ?? null;

async function history(): Promise<HistoryEvent[]> {
  const h = await openHistory();
  try {
    return (await h.all()).filter((e) => e.type === 'boundary-start' || e.type === 'boundary-end');
  } finally {
    h.close();
  }
}

/** "start Dinner 18:00" lines, in the order recorded, for reading a history at a glance. */
const lines = (events: HistoryEvent[]) =>
  events.map((e) => `${e.type === 'boundary-start' ? 'start' : 'end'} ${e.label} ${new Date(e.at).toISOString()}`);

/**
 * What must hold of any history, whatever the clock did: one start and at most one end
 * per occurrence, every end after its start, and an end for each occurrence not on now.
 */
function expectWellFormed(events: HistoryEvent[], onNow: string[]): void {
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  for (const e of events) {
    const seen = e.type === 'boundary-start' ? starts : ends;
    expect(seen.has(e.occurrenceKey), `a second ${e.type} for ${e.occurrenceKey}`).toBe(false);
    seen.set(e.occurrenceKey, e.at);
  }
  for (const [key, start] of starts) {
    if (onNow.includes(key)) continue;
    expect(ends.get(key), `no end for ${key}`).toBeDefined();
    expect(ends.get(key)!, `${key} ends before it starts`).toBeGreaterThanOrEqual(start);
  }
  for (const key of ends.keys()) expect(starts.has(key), `an end with no start for ${key}`).toBe(true);
}

beforeEach(() => vi.mocked(noticeOnce).mockClear());

describe('clock jumps', () => {
  test('the guard: this file runs in London time', () => {
    expect(new Date(nov(25, 12)).getTimezoneOffset()).toBe(0);
    expect(new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset()).toBe(-60);
  });

  test('forward, across a window\'s end (the computer slept): Dinner ends at its own end, once', async () => {
    await useSettings((s) => (s.schedule.windows = s.schedule.windows.filter((w) => w.id === 'dinner')));
    await reconcile(nov(25, 18, 30));
    expect(await alarmAt()).toBe(nov(25, 19, 30));

    // Asleep from 18:30 until 21:15: the alarm for 19:30 could not wake anything.
    const { desired } = await reconcile(nov(25, 21, 15));
    expect(desired.active).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await alarmAt()).toBe(nov(26, 18, 0));
    await reconcile(nov(25, 21, 16));
    expect(lines(await history())).toEqual(['start Dinner 2026-11-25T18:00:00.000Z', 'end Dinner 2026-11-25T19:30:00.000Z']);
    expectWellFormed(await history(), []);
    expect(vi.mocked(noticeOnce).mock.calls.filter(([id]) => id === WELCOME_BACK_ID)).toHaveLength(1);
  });

  test('forward, over whole windows and days: nothing that never came on is recorded, nothing is left open', async () => {
    await useSettings();
    await reconcile(nov(25, 18, 30)); // Dinner on, Bedtime routine next
    // Asleep until Friday morning: Dinner's end, Bedtime and Thursday's windows all passed.
    const { desired } = await reconcile(nov(27, 8, 0));
    expect(desired.active).toEqual([]);
    expect(await alarmAt()).toBe(nov(27, 18, 0));
    expect(lines(await history())).toEqual(['start Dinner 2026-11-25T18:00:00.000Z', 'end Dinner 2026-11-25T19:30:00.000Z']);
    expectWellFormed(await history(), []);
  });

  test('forward, from before a window into it: it starts at its own start, and the alarm points at its end', async () => {
    await useSettings((s) => (s.schedule.windows = s.schedule.windows.filter((w) => w.id === 'dinner')));
    await reconcile(nov(25, 17, 0));
    expect(await alarmAt()).toBe(nov(25, 18, 0));
    const { desired } = await reconcile(nov(25, 18, 45));
    expect(desired.active.map((o) => o.label)).toEqual(['Dinner']);
    expect(await alarmAt()).toBe(nov(25, 19, 30));
    expect(lines(await history())).toEqual(['start Dinner 2026-11-25T18:00:00.000Z']);
  });

  test('back into a window that already ran: on again, with no second start or end', async () => {
    await useSettings((s) => (s.schedule.windows = s.schedule.windows.filter((w) => w.id === 'dinner')));
    await reconcile(nov(25, 18, 5));
    await reconcile(nov(25, 21, 0));
    const before = lines(await history());

    // The clock is set back to 18:45 (a correction, or a zone to the west).
    const { desired } = await reconcile(nov(25, 18, 45));
    expect(desired.active.map((o) => o.label)).toEqual(['Dinner']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('on');
    expect(await alarmAt()).toBe(nov(25, 19, 30));
    await reconcile(nov(25, 19, 31));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await alarmAt()).toBe(nov(26, 18, 0));
    expect(lines(await history())).toEqual(before);
    expectWellFormed(await history(), []);
  });

  test('back out of a window before its start: off, and its end is never dated before its start', async () => {
    await useSettings();
    await reconcile(nov(25, 19, 45)); // Bedtime routine on (a school night), since 19:30
    const { desired } = await reconcile(nov(25, 17, 0));
    expect(desired.active).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await alarmAt()).toBe(nov(25, 18, 0));
    expectWellFormed(await history(), []);

    // The clock runs on through the evening again.
    await reconcile(nov(25, 18, 10));
    await reconcile(nov(25, 19, 40));
    expect(await alarmAt()).toBe(nov(25, 20, 30));
    await reconcile(nov(25, 20, 31));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expectWellFormed(await history(), []);
  });

  test('a focus block slept through ends at its own end', async () => {
    await useSettings((s) => {
      s.schedule.windows = [];
      s.schedule.blocks = [{ id: 'f', label: 'Focus block', start: nov(25, 9, 0), end: nov(25, 9, 30) }];
    });
    await reconcile(nov(25, 9, 5));
    expect(await alarmAt()).toBe(nov(25, 9, 30));
    await reconcile(nov(25, 11, 0));
    expect(await alarmAt()).toBeNull();
    expect(lines(await history())).toEqual(['start Focus block 2026-11-25T09:00:00.000Z', 'end Focus block 2026-11-25T09:30:00.000Z']);
  });
});

describe('daylight saving in London', () => {
  const night: BoundaryWindow = {
    id: 'night',
    label: 'Night',
    kind: 'custom',
    days: [6],
    start: '22:00',
    end: '06:30',
    endDayOffset: 1,
    paused: false,
  };

  test('clocks go back (Sunday 25 October 2026): Saturday night keeps its wall-clock end, 9.5 hours, through both 01:30s', async () => {
    await useSettings((s) => (s.schedule.windows = [night]));
    const start = Date.UTC(2026, 9, 24, 21, 0); // Saturday 22:00 BST
    const end = Date.UTC(2026, 9, 25, 6, 30); // Sunday 06:30 GMT
    expect(end - start).toBe(9.5 * HOUR);

    await reconcile(Date.UTC(2026, 9, 24, 22, 0)); // 23:00 BST
    expect(await alarmAt()).toBe(end);
    for (const now of [Date.UTC(2026, 9, 25, 0, 30), Date.UTC(2026, 9, 25, 1, 30)]) {
      // 01:30 BST, then 01:30 GMT an hour later: the same wall time, both inside the night.
      expect(new Date(now).getHours()).toBe(1);
      const { desired } = await reconcile(now);
      expect(desired.active.map((o) => o.label)).toEqual(['Night']);
      expect(await alarmAt()).toBe(end);
    }
    expect((await reconcile(end - 1)).desired.active).toHaveLength(1);
    expect((await reconcile(end)).desired.active).toEqual([]);
    const events = await history();
    expect(events.map((e) => [e.type, e.at])).toEqual([
      ['boundary-start', start],
      ['boundary-end', end],
    ]);
    expectWellFormed(events, []);
  });

  test('clocks go forward (Sunday 29 March 2026): a window from 01:30 starts at the jump and ends at 03:00 BST', async () => {
    await useSettings((s) => (s.schedule.windows = [{ ...night, id: 'early', label: 'Early', days: [0], start: '01:30', end: '03:00', endDayOffset: 0 }]));
    const jump = Date.UTC(2026, 2, 29, 1, 0); // 01:00 GMT becomes 02:00 BST
    const end = Date.UTC(2026, 2, 29, 2, 0); // 03:00 BST

    await reconcile(jump - 60_000);
    expect(await alarmAt()).toBe(jump);
    const { desired } = await reconcile(jump);
    expect(desired.active.map((o) => o.label)).toEqual(['Early']);
    expect(await alarmAt()).toBe(end);
    await reconcile(end);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    const events = await history();
    expect(events.map((e) => [e.type, e.at])).toEqual([
      ['boundary-start', jump],
      ['boundary-end', end],
    ]);
    expectWellFormed(events, []);
  });
});
