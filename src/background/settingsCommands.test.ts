import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import type { Settings } from '../core/settings/schema';
import { exportSettingsFile, parseSettingsFile } from '../core/settings/file';
import { importSettings, savePreferences, saveSchedule, setSkip, settingsView } from './settingsCommands';
import { SETTINGS_KEY } from './store';

vi.mock('./enforcers/sites', () => import('../../tests/unit/workerFakes').then((m) => m.sitesWithoutEffects()));

const mine = () => {
  const s = defaultSettings();
  s.sites = [{ id: 'slack', pattern: 'app.slack.com', mode: 'dim' }];
  return s;
};
const stored = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
const REFUSAL = "Hearth couldn't read the settings in this file, so yours are just as they were.";

/** What the options page sends for a file it read (core/settings/file.ts, tested there). */
const readFile = (text: string) => {
  const read = parseSettingsFile(text);
  if (!read.ok) throw new Error(read.error);
  return read.settings;
};

describe('importing settings the options page read from a file', () => {
  test('an export imported back gives the same settings', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: mine() });
    const { json } = exportSettingsFile((await settingsView()).settings, Date.UTC(2026, 10, 25));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
    const result = await importSettings(readFile(json));
    expect(result.ok).toBe(true);
    expect(await stored()).toEqual(mine());
  });

  const spoilt = (change: (s: Settings) => void): unknown => {
    const s = defaultSettings();
    change(s);
    return s;
  };
  test.each<[string, unknown]>([
    ['nothing (a first run would read as the usual settings)', undefined],
    ["a file's text, as an older page sent it", exportSettingsFile(defaultSettings(), Date.UTC(2026, 10, 25)).json],
    ['a list', [1, 2]],
    ['a window Hearth cannot read (stored settings would set it aside)', spoilt((s) => { s.schedule.windows[0]!.end = '25:00'; })],
    ['an unknown mode', spoilt((s) => { s.sites = [{ id: 's', pattern: 'app.slack.com', mode: 'loud' as 'dim' }]; })],
    ['settings from a newer Hearth', spoilt((s) => Object.assign(s, { version: 99 }))],
  ])('%s is refused with a plain sentence, and nothing saved changes', async (_, settings) => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: mine() });
    expect(await importSettings(settings)).toEqual({ ok: false, error: REFUSAL });
    expect(await stored()).toEqual(mine());
  });
});

describe('saving the schedule', () => {
  test('is all or nothing: one window Hearth cannot read keeps the rest unsaved too', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: mine() });
    const schedule = { ...mine().schedule, windows: [...mine().schedule.windows, { id: 'x', label: 'X', kind: 'custom', days: [], start: '10:00', end: '11:00', endDayOffset: 0, paused: false }] };
    const result = await saveSchedule(schedule);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toContain('"X"');
    expect(await stored()).toEqual(mine());
  });

  test('skipping and un-skipping one occurrence', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: mine() });
    const view = await setSkip('dinner', '2026-11-25', true);
    expect(view.settings.schedule.skips).toEqual([{ windowId: 'dinner', date: '2026-11-25' }]);
    expect((await setSkip('dinner', '2026-11-25', false)).settings.schedule.skips).toEqual([]);
  });
});

describe('saving preferences', () => {
  test('two quick changes both land: each is merged with what is stored, not with an older view', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: mine() });
    const [first, second] = await Promise.all([savePreferences({ handoff: false }), savePreferences({ dimWayThroughMinutes: 15 })]);
    expect(first.ok && second.ok).toBe(true);
    expect(await stored()).toEqual({
      ...mine(),
      preferences: { ...mine().preferences, handoff: false, dimWayThroughMinutes: 15 },
      chosenPreferences: ['handoff', 'dimWayThroughMinutes'],
    });
  });

  test.each([
    ['a number out of range', { headsUpMinutes: 90 }, /90/],
    ['not an object', 'quiet please', /preferences|settings/i],
  ])('%s is refused with a sentence, and nothing saved changes', async (_, change, sentence) => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: mine() });
    const result = await savePreferences(change);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toMatch(sentence);
    expect(await stored()).toEqual(mine());
  });
});
