// Storage that refuses writes (its quota reached, a failing disk): a change the parent
// asks for is not kept and says so (NOT_SAVED, put in words by the pages), while the
// schedule saved before stays in force and reads keep working.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings';
import { NOT_SAVED } from '../messages';
import { endNow, startFocus } from './commands';
import { nextPrompt } from './prompts';
import { reconcile } from './reconcile';
import { SETTINGS_KEY } from './store';

vi.mock('./enforcers/sites', async (original) => ({
  ...(await original<typeof import('./enforcers/sites')>()),
  applySiteEffects: vi.fn(async () => undefined),
}));
vi.mock('./enforcers/notices', async (original) => ({
  ...(await original<typeof import('./enforcers/notices')>()),
  noticeOnce: vi.fn(async () => true),
}));

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
  // Reconcile reports the record of transitions it could not write; here that is expected.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const settings = defaultSettings();
  settings.preferences.headsUp = false;
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
    expect(await nextPrompt('dinner', undefined, at(18, 5))).toMatchObject({ text: expect.any(String) });
  });
});
