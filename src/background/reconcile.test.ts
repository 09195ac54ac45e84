import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import { CURRENT_VERSION } from '../core/settings/schema';
import { TRANSITION_ALARM } from './enforcers/alarm';
import { HEADS_UP_ID, WELCOME_BACK_ID, noticeOnce } from './enforcers/notices';
import { parkThought, thoughtsView } from './thoughts';
import { openHistory } from './history';
import { reconcile } from './reconcile';
import { SETTINGS_KEY } from './store';

// Work-site effects drive real browser APIs the fake browser lacks; the browser
// tests cover them. Here: the schedule, badge, alarm and history path.
vi.mock('./enforcers/sites', () => import('../../tests/unit/workerFakes').then((m) => m.sitesWithoutEffects()));
vi.mock('./enforcers/notices', () => import('../../tests/unit/workerFakes').then((m) => m.noticesShownQuietly()));

process.env.TZ = 'Europe/London';
// Wednesday 25 November 2026, local (GMT) times.
const at = (hh: number, mm: number) => new Date(2026, 10, 25, hh, mm).getTime();

beforeEach(() => vi.mocked(noticeOnce).mockClear());

describe('reconcile', () => {
  test('during Dinner the badge is on, the title says until when, and the alarm is set for its end', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
    const { desired } = await reconcile(at(18, 30));
    expect(desired.active.map((o) => o.label)).toEqual(['Dinner']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('on');
    // Dinner runs straight into the bedtime routine on a school night.
    expect(await fakeBrowser.action.getTitle({})).toBe('Hearth — family time: Dinner, until 8:30 PM');
    // No heads-up for the bedtime routine that follows straight on: the alarm is for the hand-over.
    expect((await fakeBrowser.alarms.get(TRANSITION_ALARM))?.scheduledTime).toBe(at(19, 30));
  });

  test('outside family time the badge is empty and the alarm points at the next start', async () => {
    const settings = defaultSettings();
    settings.preferences.headsUp = false;
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
    await reconcile(at(9, 0));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Hearth — work time');
    expect((await fakeBrowser.alarms.get(TRANSITION_ALARM))?.scheduledTime).toBe(at(18, 0));
  });

  test('is idempotent: running twice records each transition once', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
    await reconcile(at(18, 5));
    await reconcile(at(18, 6));
    await reconcile(at(19, 45)); // Dinner ended, bedtime on
    await reconcile(at(19, 46));
    const history = await openHistory();
    const events = (await history.all()).map((e) => `${e.type} ${e.label}`);
    history.close();
    expect(events).toEqual(['boundary-start Dinner', 'boundary-end Dinner', 'boundary-start Bedtime routine']);
  });

  test('with nothing ahead, no alarm is left behind', async () => {
    const settings = defaultSettings();
    settings.schedule.windows = [];
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
    await fakeBrowser.alarms.create(TRANSITION_ALARM, { when: at(23, 0) });
    await reconcile(at(9, 0));
    expect(await fakeBrowser.alarms.get(TRANSITION_ALARM)).toBeUndefined();
  });

  test('unreadable settings never crash it: valid windows keep working and the original is kept', async () => {
    const stored = defaultSettings() as unknown as { schedule: { windows: Record<string, unknown>[] } };
    stored.schedule.windows[0]!.end = '25:00'; // Dinner becomes unreadable
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: stored });
    const result = await reconcile(at(20, 0));
    expect(result.desired.active.map((o) => o.label)).toEqual(['Bedtime routine']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain('Dinner');
    const kept = await fakeBrowser.storage.local.get('settingsSetAside');
    expect(kept.settingsSetAside).toEqual(stored);
  });

  test('a block running to a Date\'s limit is set aside, and reconcile still answers', async () => {
    // Before settings bounded block times, this block made every reconcile throw
    // ("bad date key"): the calendar code names days with four-digit years.
    const stored = defaultSettings();
    stored.schedule.blocks = [{ id: 'forever', label: 'Forever', start: 0, end: 8.64e15 }];
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: stored });
    const result = await reconcile(at(20, 0));
    expect(result.desired.active.map((o) => o.label)).toEqual(['Bedtime routine']);
    expect(result.problems).toEqual([`The one-off block "Forever" has an end time 8640000000000000 Hearth can't read, so it was set aside.`]);
  });

  test('settings in the first draft format are migrated and written back', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_KEY]: { windows: [{ id: 'late', label: 'Late shift off', kind: 'custom', days: [3], start: '22:00', end: '06:30' }] },
    });
    const { desired } = await reconcile(at(23, 0));
    expect(desired.active.map((o) => o.label)).toEqual(['Late shift off']);
    const { [SETTINGS_KEY]: saved } = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect(saved).toMatchObject({ version: CURRENT_VERSION, schedule: { windows: [{ id: 'late', endDayOffset: 1 }] } });
  });

  test('a heads-up comes the chosen minutes before a window, and the alarm wakes for it', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
    const { desired } = await reconcile(at(17, 0));
    expect(desired.headsUpAt).toBe(at(17, 50));
    expect((await fakeBrowser.alarms.get(TRANSITION_ALARM))?.scheduledTime).toBe(at(17, 50));
    expect(noticeOnce).not.toHaveBeenCalled();
    await reconcile(at(17, 50));
    expect(noticeOnce).toHaveBeenCalledWith(HEADS_UP_ID, expect.stringContaining('dinner'), 'Dinner in 10 minutes', expect.stringContaining('6:00'));
  });

  test('when family time ends, parked thoughts are handed back with a welcome', async () => {
    const settings = defaultSettings();
    settings.schedule.windows = settings.schedule.windows.filter((w) => w.id === 'dinner');
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
    await reconcile(at(18, 10));
    await parkThought('Reply to Sam', at(18, 15));
    await reconcile(at(19, 31));
    expect((await thoughtsView()).handedBack.map((t) => t.text)).toEqual(['Reply to Sam']);
    expect(noticeOnce).toHaveBeenCalledWith(WELCOME_BACK_ID, expect.any(String), 'Welcome back', expect.stringContaining('one thought'));
  });
});
