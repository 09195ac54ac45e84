// Faults below the worker. Storage that refuses writes (its quota reached, a failing
// disk): a change the parent asks for is not kept and says so (NOT_SAVED, put in words
// by the pages), while the schedule saved before stays in force and reads keep working.
// IndexedDB unavailable: parking a thought fails plainly; family time, its ends and
// ways through, and the heads-up all work without history.
import { fakeBrowser } from '@webext-core/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import { NOT_SAVED } from '../messages';
import { endNow, startFocus, wayThrough } from './commands';
import { HEADS_UP_ID, noticeOnce } from './enforcers/notices';
import { nextPrompt } from '../ui/shared/prompts';
import { occasionAt } from '../core/prompts';
import { reconcile } from './reconcile';
import { SETTINGS_KEY, loadPasses } from './store';
import { parkThought } from './thoughts';

vi.mock('./enforcers/sites', () => import('../../tests/unit/workerFakes').then((m) => m.sitesWithoutEffects()));
vi.mock('./enforcers/notices', () => import('../../tests/unit/workerFakes').then((m) => m.noticesShownQuietly()));

process.env.TZ = 'Europe/London';
// Wednesday 25 November 2026, local (GMT) times.
const at = (hh: number, mm: number) => new Date(2026, 10, 25, hh, mm).getTime();

/** From now on every write to local and sync storage is refused, as Chromium refuses one over quota. */
function refuseWrites() {
  const quota = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(quota);
  vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(quota);
}

beforeEach(async () => {
  vi.restoreAllMocks();
  vi.mocked(noticeOnce).mockClear();
  // Reconcile reports the record of transitions it could not write; here that is expected.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const settings = defaultSettings();
  settings.preferences.headsUp = false;
  settings.sites = [{ id: 'slack', pattern: 'app.slack.com', mode: 'dim' }];
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
});

const storedSettings = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];

describe('storage that refuses writes', () => {
  test('the guard: this file runs in London time', () => {
    expect(new Date(at(12, 0)).getTimezoneOffset()).toBe(0);
  });

  test('a focus block is not started, says NOT_SAVED, and the saved schedule stays in force', async () => {
    const before = await storedSettings();
    refuseWrites();
    await expect(startFocus(at(9, 0), 30)).rejects.toThrow(NOT_SAVED);
    expect(await storedSettings()).toEqual(before);
    const { desired } = await reconcile(at(9, 1));
    expect(desired.active).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  test('ending family time early is refused, and Dinner stays on, badge and all', async () => {
    const { desired } = await reconcile(at(18, 30));
    refuseWrites();
    await expect(endNow(at(18, 31), desired.active)).rejects.toThrow(NOT_SAVED);
    const after = await reconcile(at(18, 32));
    expect(after.desired.active.map((o) => o.label)).toEqual(['Dinner']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('on');
  });

  test('the schedule saved before still turns family time on and off while every write is refused', async () => {
    refuseWrites();
    expect((await reconcile(at(18, 5))).desired.active.map((o) => o.label)).toEqual(['Dinner']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('on');
    expect((await reconcile(at(21, 0))).desired.active).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  test('a gentle prompt is still given when which ones were shown cannot be remembered', async () => {
    refuseWrites();
    expect(await nextPrompt(occasionAt('dinner', at(18, 5), []), undefined, at(18, 5))).toMatchObject({ text: expect.any(String) });
  });
});

describe('IndexedDB unavailable', () => {
  /** As in a browser that offers no IndexedDB here (Firefox's private windows throw so). */
  const breakIndexedDB = () => {
    globalThis.indexedDB = {
      open: () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
  };
  beforeEach(breakIndexedDB);

  test('parking a thought fails, so the popup can say plainly it was not kept', async () => {
    await expect(parkThought('Reply to Sam', at(18, 10))).rejects.toThrow();
  });

  test('ending family time early still ends it: the override simply goes unnoted', async () => {
    const { desired } = await reconcile(at(18, 30));
    await endNow(at(18, 31), desired.active);
    expect((await reconcile(at(18, 32))).desired.active).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  test('a way through still opens, and reconcile lifts the overlay', async () => {
    await reconcile(at(18, 30));
    await wayThrough(at(18, 31), 'slack', at(19, 30));
    expect(await loadPasses(at(18, 32))).toEqual([{ siteId: 'slack', until: at(18, 41) }]);
    const { desired } = await reconcile(at(18, 32));
    expect(desired.sites).toEqual([expect.objectContaining({ mode: 'quiet' })]);
  });

  test('the heads-up still comes while an end waits to be recorded', async () => {
    const settings = (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as ReturnType<typeof defaultSettings>;
    settings.preferences.headsUp = true;
    settings.schedule.windows = settings.schedule.windows.filter((w) => w.id === 'dinner');
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
    // Dinner came on while the database worked; it went away before Dinner ended.
    globalThis.indexedDB = new IDBFactory();
    await reconcile(at(18, 30));
    breakIndexedDB();
    // Every reconcile since tries to record Dinner's end, and can't: the next day's heads-up comes all the same.
    await reconcile(new Date(2026, 10, 26, 17, 50).getTime());
    expect(noticeOnce).toHaveBeenCalledWith(HEADS_UP_ID, expect.any(String), 'Dinner in 10 minutes', expect.any(String));
  });
});
