import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, test } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import { adoptFromSync } from './store';
import { mirrorToSync, sameValue, syncStatus } from './sync';
import { weeklyView } from './weekly';
import { formatDateKey } from '../core/wallclock';

describe('settings ride the browser sync', () => {
  test('a save is mirrored to sync', async () => {
    const settings = defaultSettings();
    await mirrorToSync(settings);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual(settings);
    expect(await syncStatus()).toEqual({ area: 'sync', note: null });
  });

  test('a change from another device is adopted into this one', async () => {
    const mine = defaultSettings();
    await fakeBrowser.storage.local.set({ settings: mine });
    const theirs = defaultSettings();
    theirs.preferences.headsUpMinutes = 5;
    expect(await adoptFromSync(theirs)).toBe(true);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(theirs);
  });

  test('a week answered on another device is adopted, so this one does not ask again', async () => {
    await fakeBrowser.storage.local.set({ settings: defaultSettings() });
    const sunday = new Date(2026, 10, 29, 19, 30).getTime();
    expect(await weeklyView(sunday)).toMatchObject({ ask: true });
    const theirs = defaultSettings();
    theirs.weeklyChoice = { on: true, day: 0, time: '19:00' };
    theirs.chosen = { week: formatDateKey(sunday), moments: [{ windowId: 'dinner', date: '2026-12-01' }] };
    expect(await adoptFromSync(theirs)).toBe(true);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ chosen: theirs.chosen });
    expect(await weeklyView(sunday)).toEqual({ ask: false });
  });

  test("a change from an older Hearth keeps what that version can't hold, as this device has it", async () => {
    const mine = defaultSettings();
    mine.letThrough = [{ id: 'r1', text: 'School office' }];
    mine.childAges = ['teen'];
    await fakeBrowser.storage.local.set({ settings: mine });
    const theirs = { ...defaultSettings(), version: 2, preferences: { ...defaultSettings().preferences, headsUpMinutes: 5 } } as Record<string, unknown>;
    for (const added of ['letThrough', 'childAges', 'weeklyChoice', 'chosen']) delete theirs[added];
    expect(await adoptFromSync(theirs)).toBe(true);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({
      version: mine.version,
      preferences: { headsUpMinutes: 5 },
      letThrough: mine.letThrough,
      childAges: ['teen'],
    });
  });

  test("this device's own earlier writes echoing back are not adopted", async () => {
    const first = defaultSettings();
    const second = defaultSettings();
    second.preferences.handoff = false;
    await mirrorToSync(first);
    await mirrorToSync(second);
    await fakeBrowser.storage.local.set({ settings: second });
    expect(await adoptFromSync(first)).toBe(false);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(second);
  });

  test('unreadable settings from sync are not adopted', async () => {
    await fakeBrowser.storage.local.set({ settings: defaultSettings() });
    expect(await adoptFromSync({ version: 2, schedule: 'nonsense' })).toBe(false);
    expect(await adoptFromSync(undefined)).toBe(false);
  });

  test('when sync refuses, settings stay on this device and the parent is told plainly', async () => {
    const original = fakeBrowser.storage.sync.set;
    fakeBrowser.storage.sync.set = () => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    try {
      await mirrorToSync(defaultSettings());
    } finally {
      fakeBrowser.storage.sync.set = original;
    }
    const status = await syncStatus();
    expect(status.area).toBe('local');
    expect(status.note).toContain('saved on this device');
  });

  test('the echo of an own write is recognised even with its keys reordered, as Chromium returns them', async () => {
    const mine = defaultSettings();
    await mirrorToSync(mine);
    const reordered = Object.fromEntries(Object.entries(structuredClone(mine)).reverse());
    expect(sameValue(reordered, mine)).toBe(true);
    await fakeBrowser.storage.local.set({ settings: defaultSettings() });
    expect(await adoptFromSync(reordered)).toBe(false);
  });
});
