import { describe, expect, test, vi } from 'vitest';
import { activeAt } from '../core/schedule';
import { defaultSettings } from '../core/settings/defaults';
import { withEndedNow, withFocusBlock } from './commands';

// Site access is the browser's to say; the fake browser has none to give.
vi.mock('./enforcers/sites', async (original) => ({
  ...(await original<typeof import('./enforcers/sites')>()),
  hasAccess: vi.fn(async () => false),
}));

process.env.TZ = 'America/New_York';
const at = (d: number, hh: number, mm: number) => new Date(2026, 10, d, hh, mm).getTime();

describe('focus blocks and ending early', () => {
  test('a focus block runs from now for the minutes asked', () => {
    const now = at(25, 10, 0);
    const next = withFocusBlock(defaultSettings(), now, 30, 'Focus block');
    const [block] = next.schedule.blocks;
    expect(block).toMatchObject({ label: 'Focus block', start: now, end: now + 30 * 60_000 });
    expect(activeAt(next.schedule, now + 29 * 60_000).map((o) => o.label)).toEqual(['Focus block']);
  });

  test('ending now cuts a block short and skips only tonight of a window', () => {
    const start = at(25, 18, 10);
    const settings = withFocusBlock(defaultSettings(), start, 60, 'Focus block');
    const now = at(25, 18, 20);
    const active = activeAt(settings.schedule, now);
    expect(active.map((o) => o.label).sort()).toEqual(['Dinner', 'Focus block']);

    const ended = withEndedNow(settings, active, now);
    expect(activeAt(ended.schedule, now)).toEqual([]);
    expect(ended.schedule.skips).toEqual([{ windowId: 'dinner', date: '2026-11-25' }]);
    // Tomorrow's dinner is untouched, and so is tonight's bedtime routine (a Wednesday).
    expect(activeAt(ended.schedule, at(26, 18, 20)).map((o) => o.label)).toEqual(['Dinner']);
    expect(activeAt(ended.schedule, at(25, 19, 45)).map((o) => o.label)).toEqual(['Bedtime routine']);
  });

  test('ending an overnight window after midnight skips the night it began', () => {
    const settings = defaultSettings();
    settings.schedule.windows = [
      { id: 'night', label: 'Night', kind: 'custom', days: [3], start: '22:00', end: '06:30', endDayOffset: 1, paused: false },
    ];
    const now = at(26, 1, 0); // Thursday 01:00, inside Wednesday night's window
    const ended = withEndedNow(settings, activeAt(settings.schedule, now), now);
    expect(ended.schedule.skips).toEqual([{ windowId: 'night', date: '2026-11-25' }]);
    expect(activeAt(ended.schedule, now)).toEqual([]);
  });

  test('old blocks and skips are tidied away, current ones kept', () => {
    const settings = defaultSettings();
    const now = at(25, 12, 0);
    settings.schedule.blocks = [{ id: 'old', label: 'Old', start: at(20, 9, 0), end: at(20, 10, 0) }];
    settings.schedule.skips = [
      { windowId: 'dinner', date: '2026-11-20' },
      { windowId: 'dinner', date: '2026-11-25' },
    ];
    const next = withFocusBlock(settings, now, 15, 'Focus block');
    expect(next.schedule.blocks.map((b) => b.label)).toEqual(['Focus block']);
    expect(next.schedule.skips).toEqual([{ windowId: 'dinner', date: '2026-11-25' }]);
  });
});

describe('requests at the same time', () => {
  test('a focus block and a new site, asked together, are both kept', async () => {
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    const { startFocus } = await import('./commands');
    const { addSite } = await import('./siteCommands');
    await fakeBrowser.storage.local.set({ settings: defaultSettings() });
    await Promise.all([startFocus(Date.now(), 30), addSite('app.slack.com', 'quiet')]);
    const { settings } = (await fakeBrowser.storage.local.get('settings')) as { settings: ReturnType<typeof defaultSettings> };
    expect(settings.schedule.blocks).toHaveLength(1);
    expect(settings.sites.map((s) => s.pattern)).toEqual(['app.slack.com']);
  });
});

describe('a way through', () => {
  async function passAfter(now: number, familyUntil: number | null) {
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    const { wayThrough } = await import('./commands');
    const { loadPasses } = await import('./store');
    const settings = defaultSettings();
    settings.sites = [{ id: 'slack', pattern: 'app.slack.com', mode: 'set-aside' }];
    await fakeBrowser.storage.local.set({ settings, passes: [] });
    await wayThrough(now, 'slack', familyUntil);
    return loadPasses(now);
  }

  test("opens for the parent's chosen minutes", async () => {
    expect(await passAfter(at(24, 18, 30), at(24, 19, 0))).toEqual([{ siteId: 'slack', until: at(24, 18, 40) }]);
  });

  test('belongs to the family time it was opened in: it closes when that ends first', async () => {
    expect(await passAfter(at(24, 18, 55), at(24, 19, 0))).toEqual([{ siteId: 'slack', until: at(24, 19, 0) }]);
  });

  test('does not open when family time is off', async () => {
    expect(await passAfter(at(24, 18, 55), null)).toEqual([]);
  });
});

describe('overrides in the same millisecond', () => {
  test('two ways through to one site at one instant are both kept', async () => {
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    const { wayThrough } = await import('./commands');
    const { openHistory } = await import('./history');
    const settings = defaultSettings();
    settings.sites = [{ id: 'slack', pattern: 'app.slack.com', mode: 'dim' }];
    await fakeBrowser.storage.local.set({ settings });
    const now = at(24, 18, 30);
    await Promise.all([wayThrough(now, 'slack', at(24, 19, 0)), wayThrough(now, 'slack', at(24, 19, 0))]);
    const history = await openHistory();
    const events = await history.all();
    history.close();
    expect(events.map((e) => [e.type, e.at, e.occurrenceKey])).toEqual([
      ['override', now, 'site:slack'],
      ['override', now, 'site:slack'],
    ]);
  });
});
