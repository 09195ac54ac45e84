// What the settings tests share: stored values as storage would hand them back, small
// builders for settings and windows, and settings files to spoil one part of. Test code
// only: nothing in the extension imports it.
import * as v from 'valibot';
import type { BoundaryWindow } from '../../src/core/types';
import { defaultSettings } from '../../src/core/settings/defaults';
import { exportSettingsFile, parseSettingsFile } from '../../src/core/settings/file';
import { SettingsSchema, type Settings } from '../../src/core/settings/schema';

export const strictlyValid = (value: unknown) => v.safeParse(SettingsSchema, value).success;

/** Stored settings go through JSON-like storage: compare against what would come back. */
export const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export const dinner = (): BoundaryWindow => ({ ...defaultSettings().schedule.windows[0]! });

export const window = (over: Partial<Record<keyof BoundaryWindow, unknown>>): Record<string, unknown> => ({
  id: 'w',
  label: 'Quiet hour',
  kind: 'custom',
  days: [1, 2, 3],
  start: '17:00',
  end: '18:00',
  endDayOffset: 0,
  paused: false,
  ...over,
});

/** Default settings with one extra window: the default three must survive whatever it is. */
export function withExtraWindow(extra: unknown): unknown {
  const s = stored(defaultSettings()) as { schedule: { windows: unknown[] } };
  s.schedule.windows.push(extra);
  return s;
}

export function richSettings(): Settings {
  const s = defaultSettings();
  s.schedule.windows.push({
    id: 'night',
    label: 'Night',
    kind: 'custom',
    days: [1, 3, 5],
    start: '22:00',
    end: '06:30',
    endDayOffset: 1,
    paused: true,
  });
  s.schedule.blocks.push({ id: 'focus-1', label: 'Focus', start: 1_700_000_000_000, end: 1_700_003_600_000 });
  s.schedule.skips.push({ windowId: 'dinner', date: '2024-02-29' });
  s.sites.push({ id: 'site-1', pattern: 'slack.com', mode: 'quiet' });
  s.sites.push({ id: 'site-2', pattern: '*.atlassian.net', mode: 'dim' });
  s.preferences = { headsUp: false, headsUpMinutes: 5, handoff: false, dimWayThroughMinutes: 120 };
  s.weeklyChoice = { on: false, day: 5, time: '20:30' };
  s.chosen = { week: '2024-02-25', moments: [{ windowId: 'dinner', date: '2024-02-27' }, { blockId: 'focus-1' }] };
  return s;
}

// ---------------------------------------------------------------------------
// Settings files
// ---------------------------------------------------------------------------

/** 22:30 on Friday 14 March 2025 in New York; already the 15th in UTC. */
export const NOW = Date.UTC(2025, 2, 15, 2, 30);

/** Settings using every part of the format. */
export function fullSettings(): Settings {
  const settings = defaultSettings();
  settings.schedule.windows.push({
    id: 'school-run',
    label: 'School run',
    kind: 'school-run',
    days: [1, 2, 3, 4, 5],
    start: '08:00',
    end: '08:45',
    endDayOffset: 0,
    paused: true,
  });
  settings.schedule.blocks.push({ id: 'block-1', label: 'Focus', start: NOW, end: NOW + 3_600_000 });
  settings.schedule.skips.push({ windowId: 'dinner', date: '2025-03-14' });
  settings.sites.push(
    { id: 'site-1', pattern: 'app.slack.com', mode: 'quiet' },
    { id: 'site-2', pattern: '*.atlassian.net', mode: 'dim' },
    { id: 'site-3', pattern: '127.0.0.1', mode: 'set-aside' },
  );
  settings.preferences = { headsUp: false, headsUpMinutes: 15, handoff: true, dimWayThroughMinutes: 5 };
  settings.weeklyChoice = { on: true, day: 1, time: '08:15' };
  settings.chosen = { week: '2025-03-09', moments: [{ windowId: 'dinner', date: '2025-03-13' }, { blockId: 'block-1' }] };
  return settings;
}

export type Doc = Record<string, unknown> & { settings: Record<string, unknown> & Settings };

/** A good exported file as a plain object, to spoil one part of. */
export function doc(): Doc {
  return JSON.parse(exportSettingsFile(fullSettings(), NOW).json) as Doc;
}

/** A file with one change made to a good one. */
export function spoilt(change: (d: Doc) => void): string {
  const d = doc();
  change(d);
  return JSON.stringify(d, null, 2);
}

export const errorOf = (text: string): string => {
  const result = parseSettingsFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
};

