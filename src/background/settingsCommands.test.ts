import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import { exportSettingsFile } from '../core/settings/file';
import { exportSettings, importSettings, savePreferences, saveSchedule, setSkip } from './settingsCommands';
import { SETTINGS_KEY } from './store';

vi.mock('./enforcers/sites', () => import('../../tests/unit/workerFakes').then((m) => m.sitesWithoutEffects()));

const mine = () => {
  const s = defaultSettings();
  s.sites = [{ id: 'slack', pattern: 'app.slack.com', mode: 'dim' }];
  return s;
};
const stored = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
const file = (patch: (f: { format: string; version: number; settings: Record<string, unknown> }) => void) => {
  const f = JSON.parse(exportSettingsFile(defaultSettings(), Date.UTC(2026, 10, 25)).json);
  patch(f);
  return JSON.stringify(f);
};

const BAD_FILES: [string, string, RegExp][] = [
  ['empty', '', /empty/],
  ['not JSON', 'Dinner at six', /couldn't read/],
  ['a list', '[1, 2]', /list/],
  ['no format', JSON.stringify({ version: 2, settings: {} }), /doesn't say/],
  ['a history export', JSON.stringify({ format: 'hearth-history', version: 1, events: [] }), /history/],
  ['a newer version', file((f) => { f.version = 4; (f.settings as { version: number }).version = 4; }), /newer version/],
  ['version as text', file((f) => { (f as { version: unknown }).version = 'two'; }), /version/],
  ['no settings', JSON.stringify({ format: 'hearth-settings', version: 2 }), /no settings/],
  ['an end time Hearth cannot read', file((f) => { ((f.settings.schedule as { windows: { end: string }[] }).windows[0]!).end = '25:00'; }), /25:00/],
  ['a window with no days', file((f) => { ((f.settings.schedule as { windows: { days: number[] }[] }).windows[0]!).days = []; }), /day/],
  ['a block ending before it starts', file((f) => { (f.settings.schedule as { blocks: unknown[] }).blocks = [{ id: 'b', label: 'Focus', start: 2000, end: 1000 }]; }), /ends before it starts/],
  ['a pattern that cannot work', file((f) => { f.settings.sites = [{ id: 's', pattern: '*.com', mode: 'quiet' }]; }), /work sites/],
  ['an unknown mode', file((f) => { f.settings.sites = [{ id: 's', pattern: 'app.slack.com', mode: 'loud' }]; }), /loud/],
  ['a heads-up out of range', file((f) => { (f.settings.preferences as { headsUpMinutes: number }).headsUpMinutes = 90; }), /90/],
  ['a skip on a day the calendar lacks', file((f) => { (f.settings.schedule as { skips: unknown[] }).skips = [{ windowId: 'dinner', date: '2025-02-30' }]; }), /2025-02-30/],
  ['a 50 MB file', '{'.repeat(50 * 1024 * 1024), /50 MB/],
];

describe('importing a settings file', () => {
  test.each(BAD_FILES)('%s is refused with a plain sentence, and nothing saved changes', async (_, text, sentence) => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: mine() });
    const result = await importSettings(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(sentence);
    expect(await stored()).toEqual(mine());
  });

  test('an export imported back gives the same settings', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: mine() });
    const { json } = await exportSettings(Date.UTC(2026, 10, 25));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
    const result = await importSettings(json);
    expect(result.ok).toBe(true);
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
    expect(await stored()).toEqual({ ...mine(), preferences: { ...mine().preferences, handoff: false, dimWayThroughMinutes: 15 } });
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
