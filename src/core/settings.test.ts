import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  BlockSchema,
  CURRENT_VERSION,
  DEFAULT_SETTINGS,
  SettingsSchema,
  WindowSchema,
  defaultSettings,
  isDateKey,
  isWallTime,
  migrate,
  newId,
  parseSettings,
  pruneSkips,
  type Settings,
} from './settings';
import type { BoundaryWindow, OneOffBlock, Skip } from './types';
import { setSay } from './say';
import { sayFromMessages } from '../../tests/unit/sayFromMessages';

const strictlyValid = (value: unknown) => v.safeParse(SettingsSchema, value).success;

/** Stored settings go through JSON-like storage: compare against what would come back. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const dinner = (): BoundaryWindow => ({ ...defaultSettings().schedule.windows[0]! });

const window = (over: Partial<Record<keyof BoundaryWindow, unknown>>): Record<string, unknown> => ({
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
function withExtraWindow(extra: unknown): unknown {
  const s = stored(defaultSettings()) as { schedule: { windows: unknown[] } };
  s.schedule.windows.push(extra);
  return s;
}

function richSettings(): Settings {
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
  return s;
}

describe('defaults', () => {
  it('are valid under the strict schema', () => {
    expect(strictlyValid(DEFAULT_SETTINGS)).toBe(true);
    expect(strictlyValid(defaultSettings())).toBe(true);
  });

  it('are what a parent would recognise', () => {
    const s = defaultSettings();
    expect(s.version).toBe(CURRENT_VERSION);
    expect(s.schedule.windows).toEqual([
      { id: 'dinner', label: 'Dinner', kind: 'dinner', days: [0, 1, 2, 3, 4, 5, 6], start: '18:00', end: '19:30', endDayOffset: 0, paused: false },
      { id: 'bedtime', label: 'Bedtime routine', kind: 'bedtime', days: [0, 1, 2, 3, 4], start: '19:30', end: '20:30', endDayOffset: 0, paused: false },
      { id: 'weekend', label: 'Weekend', kind: 'weekend', days: [6], start: '00:00', end: '00:00', endDayOffset: 2, paused: false },
    ]);
    expect(s.schedule.blocks).toEqual([]);
    expect(s.schedule.skips).toEqual([]);
    expect(s.sites).toEqual([]);
    expect(s.preferences).toEqual({ headsUp: true, headsUpMinutes: 10, handoff: true, dimWayThroughMinutes: 10 });
  });

  it('hands out fresh copies and keeps DEFAULT_SETTINGS frozen', () => {
    const a = defaultSettings();
    a.schedule.windows[0]!.label = 'Tea';
    a.preferences.headsUp = false;
    expect(defaultSettings().schedule.windows[0]!.label).toBe('Dinner');
    expect(defaultSettings()).toEqual(DEFAULT_SETTINGS);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.schedule.windows[0])).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.schedule.windows[0]!.days)).toBe(true);
  });

  it('are what a first run (nothing stored) reads, intact and without problems', () => {
    const result = parseSettings(undefined);
    expect(result).toEqual({
      settings: defaultSettings(),
      problems: [],
      intact: true,
      migratedFrom: null,
      fromNewerVersion: false,
    });
  });
});

describe('round trip', () => {
  it('reads back exactly what was stored, intact', () => {
    for (const s of [defaultSettings(), richSettings()]) {
      const result = parseSettings(stored(s));
      expect(result.problems).toEqual([]);
      expect(result.intact).toBe(true);
      expect(result.migratedFrom).toBeNull();
      expect(result.settings).toEqual(s);
    }
  });

  it('returns a copy, never the stored object itself', () => {
    const raw = stored(richSettings()) as Settings;
    const { settings } = parseSettings(raw);
    settings.schedule.windows[0]!.label = 'Changed';
    expect(raw.schedule.windows[0]!.label).toBe('Dinner');
  });

  it('trims labels as it reads them', () => {
    const { settings, intact } = parseSettings(withExtraWindow(window({ label: '  Piano practice  ' })));
    expect(intact).toBe(true);
    expect(settings.schedule.windows[3]!.label).toBe('Piano practice');
  });
});

describe('validation rules, each named plainly when something is set aside', () => {
  const setAside = (name: string, what: string) => `The window "${name}" ${what}, so it was set aside.`;

  it.each([
    ['an hour past 23', window({ end: '25:00' }), setAside('Quiet hour', 'has an end time "25:00" Hearth can\'t read')],
    ['24:00', window({ start: '24:00' }), setAside('Quiet hour', 'has a start time "24:00" Hearth can\'t read')],
    ['one-digit hour', window({ start: '7:30' }), setAside('Quiet hour', 'has a start time "7:30" Hearth can\'t read')],
    ['minute 60', window({ start: '12:60' }), setAside('Quiet hour', 'has a start time "12:60" Hearth can\'t read')],
    ['a number for a time', window({ start: 1830 }), setAside('Quiet hour', "has a start time 1830 Hearth can't read")],
    ['a missing end', window({ end: undefined }), setAside('Quiet hour', "has an end time Hearth can't read")],
    ['no days', window({ days: [] }), setAside('Quiet hour', "isn't set for any day")],
    ['a repeated day', window({ days: [1, 1] }), setAside('Quiet hour', 'lists the same day more than once')],
    ['day 7', window({ days: [1, 7] }), setAside('Quiet hour', "lists a day 7 Hearth can't read")],
    ['a fractional day', window({ days: [1.5] }), setAside('Quiet hour', "lists a day 1.5 Hearth can't read")],
    ['days as text', window({ days: 'weekdays' }), setAside('Quiet hour', 'has days "weekdays" Hearth can\'t read')],
    ['a negative end day', window({ endDayOffset: -1 }), setAside('Quiet hour', "has an end day -1 Hearth can't read")],
    ['a fractional end day', window({ endDayOffset: 0.5 }), setAside('Quiet hour', "has an end day 0.5 Hearth can't read")],
    ['an end day as text', window({ endDayOffset: '1' }), setAside('Quiet hour', 'has an end day "1" Hearth can\'t read')],
    ['an end day past a week', window({ endDayOffset: 8 }), setAside('Quiet hour', 'ends more than a week after it starts')],
    ['longer than a week', window({ endDayOffset: 7, start: '09:00', end: '10:00' }), setAside('Quiet hour', 'runs longer than a week')],
    ['same-day end before start', window({ start: '22:00', end: '06:30' }), setAside('Quiet hour', 'ends at 06:30, before it starts at 22:00')],
    ['same-day end at start', window({ start: '18:00', end: '18:00' }), setAside('Quiet hour', 'starts and ends at 18:00 on the same day')],
    ['an empty name', window({ label: '   ' }), "The fourth window in your list has an empty name, so it was set aside."],
    ['a 61-character name', window({ label: 'x'.repeat(61) }), setAside(`${'x'.repeat(39)}…`, 'has a name longer than 60 characters')],
    ['no name', window({ label: undefined }), "The fourth window in your list has a name Hearth can't read, so it was set aside."],
    ['an empty id', window({ id: '' }), setAside('Quiet hour', 'has an empty id')],
    ['an unknown kind', window({ kind: 'lunch' }), setAside('Quiet hour', 'has a kind "lunch" Hearth doesn\'t know')],
    ['a paused flag as text', window({ paused: 'no' }), setAside('Quiet hour', 'has a paused setting "no" Hearth can\'t read')],
    ['not an object', 'dinner', "The fourth window in your list couldn't be read, so it was set aside."],
    ['an array', [1, 2], "The fourth window in your list couldn't be read, so it was set aside."],
    ['a duplicate id', window({ id: 'dinner' }), setAside('Quiet hour', 'has the same id as one earlier in the list')],
  ])('a window with %s is set aside', (_, extra, sentence) => {
    const result = parseSettings(withExtraWindow(extra));
    expect(result.problems).toEqual([sentence]);
    expect(result.intact).toBe(false);
    expect(result.settings.schedule.windows).toEqual(defaultSettings().schedule.windows);
  });

  it('names a missing field by what is missing', () => {
    const w = window({});
    delete w.paused;
    expect(parseSettings(withExtraWindow(w)).problems).toEqual([
      'The window "Quiet hour" has no paused setting, so it was set aside.',
    ]);
  });

  it.each([
    ['overnight, next day', window({ start: '22:00', end: '06:30', endDayOffset: 1 })],
    ['a whole day', window({ start: '00:00', end: '00:00', endDayOffset: 1 })],
    ['a full week, exactly', window({ start: '09:00', end: '09:00', endDayOffset: 7 })],
    ['a long weekend', window({ days: [5], start: '17:00', end: '09:00', endDayOffset: 3 })],
    ['the edges of the day', window({ start: '00:00', end: '23:59' })],
    ['all seven days, in any order', window({ days: [6, 0, 3, 1, 2, 5, 4] })],
    ['a 60-character name', window({ label: 'y'.repeat(60) })],
  ])('a window with %s is kept', (_, extra) => {
    expect(v.safeParse(WindowSchema, extra).success).toBe(true);
    const result = parseSettings(withExtraWindow(extra));
    expect(result.problems).toEqual([]);
    expect(result.intact).toBe(true);
  });

  const block = (over: Partial<Record<keyof OneOffBlock, unknown>>) => ({
    id: 'b1',
    label: 'Focus',
    start: 1_700_000_000_000,
    end: 1_700_003_600_000,
    ...over,
  });

  it.each([
    ['ending before it starts', block({ end: 1_699_999_999_000 }), 'ends before it starts'],
    ['ending as it starts', block({ end: 1_700_000_000_000 }), 'ends the moment it starts'],
    ['a fractional start', block({ start: 1.5 }), "has a start time 1.5 Hearth can't read"],
    ['a negative start', block({ start: -5 }), "has a start time -5 Hearth can't read"],
    ['an end as text', block({ end: 'later' }), 'has an end time "later" Hearth can\'t read'],
    ['an end past any date', block({ end: 9e15 }), "has an end time 9000000000000000 Hearth can't read"],
    // The calendar code names days with four-digit years: a Date's own limit stopped every reconcile.
    ['an end at a Date\'s limit', block({ end: 8.64e15 }), "has an end time 8640000000000000 Hearth can't read"],
    ['an end in the year 9999', block({ end: Date.UTC(9999, 11, 31) }), "has an end time 253402214400000 Hearth can't read"],
    ['a start in the year 10000', block({ start: Date.UTC(10000, 0, 1), end: Date.UTC(10000, 0, 2) }), "has a start time 253402300800000 Hearth can't read"],
  ])('a block %s is set aside', (_, raw, what) => {
    expect(v.safeParse(BlockSchema, raw).success).toBe(false);
    const s = stored(richSettings()) as { schedule: { blocks: unknown[] } };
    s.schedule.blocks.push(raw);
    const result = parseSettings(s);
    expect(result.problems).toEqual([`The one-off block "Focus" ${what}, so it was set aside.`]);
    expect(result.settings.schedule.blocks).toEqual(richSettings().schedule.blocks);
  });

  it('sets aside a block that repeats an id', () => {
    const s = stored(richSettings()) as { schedule: { blocks: unknown[] } };
    s.schedule.blocks.push(block({ id: 'focus-1', label: 'Again' }));
    expect(parseSettings(s).problems).toEqual([
      'The one-off block "Again" has the same id as one earlier in the list, so it was set aside.',
    ]);
  });

  const skip = (over: Partial<Record<keyof Skip, unknown>>) => ({ windowId: 'dinner', date: '2024-03-10', ...over });

  it.each([
    ['30 February', skip({ date: '2024-02-30' }), 'The "not tonight" for "Dinner" has a date "2024-02-30" Hearth can\'t read'],
    ['29 February in a common year', skip({ date: '2023-02-29' }), 'The "not tonight" for "Dinner" has a date "2023-02-29" Hearth can\'t read'],
    ['a short date', skip({ date: '2024-3-1' }), 'The "not tonight" for "Dinner" has a date "2024-3-1" Hearth can\'t read'],
    ['month 13', skip({ date: '2024-13-01' }), 'The "not tonight" for "Dinner" has a date "2024-13-01" Hearth can\'t read'],
    ['no window', skip({ windowId: '' }), 'The second "not tonight" in your list doesn\'t say which window it\'s for'],
  ])('a skip with %s is set aside', (_, raw, sentence) => {
    const s = stored(richSettings()) as { schedule: { skips: unknown[] } };
    s.schedule.skips.push(raw);
    const result = parseSettings(s);
    expect(result.problems).toEqual([`${sentence}, so it was set aside.`]);
    expect(result.settings.schedule.skips).toEqual([{ windowId: 'dinner', date: '2024-02-29' }]);
  });

  it('keeps a skip for a window that no longer exists (harmless, and pruned in time)', () => {
    const s = richSettings();
    s.schedule.skips.push({ windowId: 'gone', date: '2024-03-10' });
    expect(parseSettings(stored(s)).intact).toBe(true);
  });

  it.each([
    ['an empty address', { id: 's', pattern: '', mode: 'quiet' }, 'The third site in your list has an empty address'],
    ['a 254-character address', { id: 's', pattern: 'a'.repeat(254), mode: 'quiet' }, `The site "${'a'.repeat(39)}…" has an address longer than 253 characters`],
    ['an unknown mode', { id: 's', pattern: 'mail.example.com', mode: 'loud' }, 'The site "mail.example.com" has a mode "loud" Hearth doesn\'t know'],
    ['a repeated id', { id: 'site-1', pattern: 'chat.example.com', mode: 'dim' }, 'The site "chat.example.com" has the same id as one earlier in the list'],
  ])('a site with %s is set aside', (_, raw, sentence) => {
    const s = stored(richSettings()) as { sites: unknown[] };
    s.sites.push(raw);
    const result = parseSettings(s);
    expect(result.problems).toEqual([`${sentence}, so it was set aside.`]);
    expect(result.settings.sites).toEqual(richSettings().sites);
  });

  it('keeps a 253-character site address', () => {
    const s = richSettings();
    s.sites.push({ id: 's', pattern: 'a'.repeat(253), mode: 'set-aside' });
    expect(parseSettings(stored(s)).intact).toBe(true);
  });

  it.each([
    ['headsUpMinutes', 0, "Hearth couldn't read your heads-up time setting (0), so it's back to the usual 10 minutes."],
    ['headsUpMinutes', 61, "Hearth couldn't read your heads-up time setting (61), so it's back to the usual 10 minutes."],
    ['headsUpMinutes', 2.5, "Hearth couldn't read your heads-up time setting (2.5), so it's back to the usual 10 minutes."],
    ['headsUpMinutes', '10', 'Hearth couldn\'t read your heads-up time setting ("10"), so it\'s back to the usual 10 minutes.'],
    ['dimWayThroughMinutes', 121, "Hearth couldn't read your way-through time for dimmed sites setting (121), so it's back to the usual 10 minutes."],
    ['headsUp', 'yes', 'Hearth couldn\'t read your heads-up setting ("yes"), so it\'s back to the usual on.'],
    ['handoff', null, "Hearth couldn't read your hand-off setting, so it's back to the usual on."],
  ])('a preference %s of %j goes back to the usual, the others are kept', (key, value, sentence) => {
    const s = stored(richSettings()) as { preferences: Record<string, unknown> };
    s.preferences[key] = value;
    const result = parseSettings(s);
    expect(result.problems).toEqual([sentence]);
    expect(result.settings.preferences).toEqual({
      ...richSettings().preferences,
      [key]: (DEFAULT_SETTINGS.preferences as Record<string, unknown>)[key],
    });
    expect(result.settings.schedule).toEqual(richSettings().schedule);
  });

  it('fills a missing preference with the usual value and says so', () => {
    const s = stored(richSettings()) as { preferences: Record<string, unknown> };
    delete s.preferences.handoff;
    const result = parseSettings(s);
    expect(result.problems).toEqual(["Your hand-off setting was missing, so it's set to the usual on."]);
    expect(result.settings.preferences.handoff).toBe(true);
    expect(result.settings.preferences.headsUpMinutes).toBe(5);
  });

  it('accepts the preference bounds', () => {
    const s = richSettings();
    for (const [minutes, dim] of [[1, 1], [60, 120]] as const) {
      s.preferences.headsUpMinutes = minutes;
      s.preferences.dimWayThroughMinutes = dim;
      expect(parseSettings(stored(s)).intact).toBe(true);
    }
  });
});

describe('value checks', () => {
  it('reads wall times 00:00–23:59 only', () => {
    for (const ok of ['00:00', '09:05', '19:30', '23:59']) expect(isWallTime(ok)).toBe(true);
    for (const bad of ['24:00', '9:05', '09:5', '12:60', ' 09:00', '09:00 ', '0900', 900, null]) {
      expect(isWallTime(bad)).toBe(false);
    }
  });

  it('reads date keys that name real dates', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01', '0099-06-15']) {
      expect(isDateKey(ok)).toBe(true);
    }
    for (const bad of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-00-10', '2024-1-01', '2024-01-01T00:00', 20240101]) {
      expect(isDateKey(bad)).toBe(false);
    }
  });
});

describe('migration', () => {
  const v1 = {
    version: 1,
    windows: [
      { id: 'dinner', label: 'Dinner', kind: 'dinner', days: [0, 1, 2, 3, 4, 5, 6], start: '18:00', end: '19:30' },
      { id: 'night', label: 'Night', kind: 'bedtime', days: [0, 1, 2, 3, 4], start: '22:00', end: '06:30' },
      { id: 'sat', label: 'Saturday', kind: 'weekend', days: [6], start: '00:00', end: '00:00' },
    ],
    headsUp: false,
  };

  it('brings version 1 up to version 2', () => {
    const result = parseSettings(stored(v1));
    expect(result.problems).toEqual([]);
    expect(result.intact).toBe(true);
    expect(result.migratedFrom).toBe(1);
    const [din, night, sat] = result.settings.schedule.windows;
    expect(din).toMatchObject({ start: '18:00', end: '19:30', endDayOffset: 0, paused: false });
    // Overnight was implied by end <= start.
    expect(night).toMatchObject({ start: '22:00', end: '06:30', endDayOffset: 1, paused: false });
    // 00:00–00:00 meant the whole day: 24 hours.
    expect(sat).toMatchObject({ start: '00:00', end: '00:00', endDayOffset: 1, paused: false });
    expect(result.settings.schedule.blocks).toEqual([]);
    expect(result.settings.schedule.skips).toEqual([]);
    expect(result.settings.sites).toEqual([]);
    // headsUp carried over; the rest of the preferences are the usual ones.
    expect(result.settings.preferences).toEqual({ ...defaultSettings().preferences, headsUp: false });
    expect(strictlyValid(result.settings)).toBe(true);
  });

  it('treats data without a version as version 1', () => {
    const { version: _, headsUp: __, ...unversioned } = v1;
    const migrated = migrate(stored(unversioned));
    expect(migrated.ok && migrated.from).toBe(1);
    const result = parseSettings(stored(unversioned));
    expect(result.intact).toBe(true);
    expect(result.migratedFrom).toBe(1);
    expect(result.settings.schedule.windows.map((w) => w.endDayOffset)).toEqual([0, 1, 1]);
    expect(result.settings.preferences).toEqual(defaultSettings().preferences);
  });

  it('is a chain that leaves current data as it is', () => {
    const current = stored(richSettings());
    const migrated = migrate(current);
    expect(migrated).toEqual({ ok: true, data: current, from: 2, problems: [] });
  });

  it('still names what it cannot use in version 1 data', () => {
    const raw = stored(v1) as typeof v1 & { windows: unknown[] };
    raw.windows.push({ id: 'x', label: 'Tea', kind: 'dinner', days: [1], start: '16:00', end: '16:75' });
    raw.headsUp = 'sometimes' as never;
    const result = parseSettings(raw);
    expect(result.problems).toEqual([
      'The window "Tea" has an end time "16:75" Hearth can\'t read, so it was set aside.',
      'Hearth couldn\'t read your heads-up setting ("sometimes"), so it\'s back to the usual on.',
    ]);
    expect(result.settings.schedule.windows).toHaveLength(3);
    expect(result.migratedFrom).toBe(1);
  });

  it('falls back to the usual windows when version 1 data has no window list', () => {
    const result = parseSettings({ version: 1, windows: 'dinner at six' });
    expect(result.settings.schedule).toEqual(defaultSettings().schedule);
    expect(result.problems).toEqual([
      "Hearth couldn't read your schedule, so it's back to the usual windows: dinner, bedtime and the weekend.",
    ]);
  });

  it('leaves settings from a newer version alone and says so plainly', () => {
    const newer = { ...stored(richSettings()) as object, version: 3 };
    expect(migrate(newer)).toMatchObject({ ok: false, newer: true });
    const result = parseSettings(newer);
    expect(result.fromNewerVersion).toBe(true);
    expect(result.intact).toBe(false);
    expect(result.settings).toEqual(defaultSettings());
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^These settings come from a newer version of Hearth/);
  });

  it('reads data with an unreadable version as best it can', () => {
    const raw = { ...(stored(richSettings()) as object), version: '2' };
    const result = parseSettings(raw);
    expect(result.settings).toEqual(richSettings());
    expect(result.intact).toBe(false);
    expect(result.problems).toEqual([
      "Hearth couldn't tell which version saved these settings, so it read them as best it could.",
    ]);
  });
});

describe('salvage', () => {
  it('keeps every valid item and names each one set aside', () => {
    const raw = {
      version: 2,
      schedule: {
        windows: [
          dinner(),
          window({ id: 'tea', label: 'Tea', end: '25:00' }),
          window({ id: 'read', label: 'Story time', start: '20:00', end: '20:30' }),
          42,
        ],
        blocks: [{ id: 'b', label: 'Focus', start: 10, end: 5 }, { id: 'ok', label: 'Calls off', start: 100, end: 200 }],
        skips: [{ windowId: 'dinner', date: 'tomorrow' }, { windowId: 'read', date: '2024-05-01' }],
      },
      sites: [{ id: 's1', pattern: 'slack.com', mode: 'quiet' }, { id: 's2', pattern: 'teams.microsoft.com', mode: 'mute' }],
      preferences: { headsUp: false, headsUpMinutes: 'ten', handoff: false, dimWayThroughMinutes: 30 },
    };
    const result = parseSettings(raw);
    expect(result.intact).toBe(false);
    expect(result.settings.schedule.windows.map((w) => w.id)).toEqual(['dinner', 'read']);
    expect(result.settings.schedule.blocks.map((b) => b.id)).toEqual(['ok']);
    expect(result.settings.schedule.skips).toEqual([{ windowId: 'read', date: '2024-05-01' }]);
    expect(result.settings.sites.map((s) => s.id)).toEqual(['s1']);
    expect(result.settings.preferences).toEqual({ headsUp: false, headsUpMinutes: 10, handoff: false, dimWayThroughMinutes: 30 });
    expect(result.problems).toEqual([
      'The window "Tea" has an end time "25:00" Hearth can\'t read, so it was set aside.',
      "The fourth window in your list couldn't be read, so it was set aside.",
      'The one-off block "Focus" ends before it starts, so it was set aside.',
      'The "not tonight" for "Dinner" has a date "tomorrow" Hearth can\'t read, so it was set aside.',
      'The site "teams.microsoft.com" has a mode "mute" Hearth doesn\'t know, so it was set aside.',
      'Hearth couldn\'t read your heads-up time setting ("ten"), so it\'s back to the usual 10 minutes.',
    ]);
    expect(strictlyValid(result.settings)).toBe(true);
  });

  it('keeps an empty window list empty (a parent may remove every window)', () => {
    const s = defaultSettings();
    s.schedule.windows = [];
    const result = parseSettings(stored(s));
    expect(result.intact).toBe(true);
    expect(result.settings.schedule.windows).toEqual([]);
  });

  it('uses the usual windows only when there is no usable schedule at all', () => {
    for (const schedule of [undefined, null, 'evenings', [], { windows: 'x', blocks: 1, skips: {} }]) {
      const raw = { ...(stored(richSettings()) as object), schedule };
      const result = parseSettings(raw);
      expect(result.settings.schedule).toEqual(defaultSettings().schedule);
      expect(result.settings.sites).toEqual(richSettings().sites);
      expect(result.settings.preferences).toEqual(richSettings().preferences);
      expect(result.problems).toEqual([
        "Hearth couldn't read your schedule, so it's back to the usual windows: dinner, bedtime and the weekend.",
      ]);
    }
  });

  it('sets aside one unreadable list and keeps the others', () => {
    const raw = stored(richSettings()) as { schedule: Record<string, unknown> };
    raw.schedule.windows = { dinner: true };
    const result = parseSettings(raw);
    expect(result.settings.schedule.windows).toEqual([]);
    expect(result.settings.schedule.blocks).toEqual(richSettings().schedule.blocks);
    expect(result.problems).toEqual(["Hearth couldn't read your list of windows, so it's empty for now."]);
  });

  it('resets preferences that are not an object, keeping the schedule', () => {
    const raw = { ...(stored(richSettings()) as object), preferences: 'quiet please', sites: 'none' };
    const result = parseSettings(raw);
    expect(result.settings.schedule).toEqual(richSettings().schedule);
    expect(result.settings.preferences).toEqual(defaultSettings().preferences);
    expect(result.problems).toEqual([
      "Hearth couldn't read your list of work sites, so it's empty for now.",
      "Hearth couldn't read your preferences, so they're back to the usual ones.",
    ]);
  });

  it('counts items in words, then in numbers', () => {
    const raw = { ...(stored(defaultSettings()) as object), schedule: { windows: Array(13).fill(7), blocks: [], skips: [] } };
    const subjects = parseSettings(raw).problems.map((p) => p.split(' window ')[0]);
    expect(subjects).toEqual([
      'The first', 'The second', 'The third', 'The fourth', 'The fifth', 'The sixth', 'The seventh',
      'The eighth', 'The ninth', 'The tenth', 'The 11th', 'The 12th', 'The 13th',
    ]);
  });

  it('treats a hole in a list as an item that could not be read', () => {
    const s = defaultSettings() as unknown as { schedule: { windows: unknown[] } };
    const windows = [...s.schedule.windows];
    windows.length = 4; // a sparse slot at the end
    s.schedule.windows = windows;
    const result = parseSettings(s);
    expect(result.settings.schedule.windows).toHaveLength(3);
    expect(result.problems).toEqual(["The fourth window in your list couldn't be read, so it was set aside."]);
  });
});

describe('garbage never throws', () => {
  const throwing = {
    get version(): number {
      throw new Error('boom');
    },
  };
  const cases: [string, unknown][] = [
    ['null', null],
    ['a number', 42],
    ['a string', 'x'],
    ['true', true],
    ['an empty array', []],
    ['an array of settings', [defaultSettings()]],
    ['an empty object', {}],
    ['only a version', { version: 2 }],
    ['NaN version', { version: Number.NaN }],
    ['version 0', { version: 0 }],
    ['negative version', { version: -2, schedule: {} }],
    ['version Infinity', { version: Number.POSITIVE_INFINITY }],
    ['wrong types everywhere', { version: 2, schedule: { windows: [{ id: {}, label: [], kind: 1, days: { 0: 1 }, start: null, end: [], endDayOffset: {}, paused: 'x' }], blocks: [null], skips: [[]] }, sites: [{}], preferences: [] }],
    ['deep nesting', { version: 2, schedule: { windows: [[[[[[{ id: 'x' }]]]]]], blocks: { a: { b: { c: {} } } }, skips: 'x' } }],
    ['a throwing getter', throwing],
    ['a Date', new Date(0)],
    ['a Map', new Map([['version', 2]])],
  ];

  it.each(cases)('%s gives valid settings and plain problems', (_, raw) => {
    let result: ReturnType<typeof parseSettings> | undefined;
    expect(() => {
      result = parseSettings(raw);
    }).not.toThrow();
    expect(strictlyValid(result!.settings)).toBe(true);
    expect(result!.intact).toBe(false);
    expect(result!.problems.length).toBeGreaterThan(0);
  });

  it('speaks plainly: no should, fail or must, and every problem is one finished sentence', () => {
    const problems = cases.flatMap(([, raw]) => parseSettings(raw).problems);
    problems.push(
      ...parseSettings({ ...(stored(richSettings()) as object), version: 9 }).problems,
      ...parseSettings(withExtraWindow(window({ end: '99:99' }))).problems,
    );
    expect(problems.length).toBeGreaterThan(10);
    for (const sentence of problems) {
      expect(sentence).not.toMatch(/\b(should|fail\w*|must|invalid|error)\b/i);
      expect(sentence).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('properties', () => {
  const check = (raw: unknown) => {
    const result = parseSettings(raw);
    expect(strictlyValid(result.settings)).toBe(true);
    expect(result.intact).toBe(result.problems.length === 0);
    // What was read reads back unchanged and intact.
    const again = parseSettings(stored(result.settings));
    expect(again.intact).toBe(true);
    expect(again.settings).toEqual(result.settings);
  };

  it('any JSON value gives strictly valid settings, without throwing', () => {
    fc.assert(fc.property(fc.jsonValue(), (raw) => check(raw)), { numRuns: 300 });
  });

  it('any value at all gives strictly valid settings, without throwing', () => {
    fc.assert(fc.property(fc.anything(), (raw) => check(raw)), { numRuns: 300 });
  });

  it('every valid window survives any amount of junk around it', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const validWindow = fc
      .record({
        label: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
        kind: fc.constantFrom('dinner', 'bedtime', 'weekend', 'school-run', 'custom'),
        days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        start: time,
        end: time,
        endDayOffset: fc.integer({ min: 1, max: 6 }),
        paused: fc.boolean(),
      });
    const entry = fc.oneof(
      validWindow.map((w) => ({ valid: true as const, w })),
      fc.anything().map((w) => ({ valid: false as const, w })),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const windows = entries.map((e, i) => (e.valid ? { id: `w${i}`, ...e.w } : e.w));
        const raw = { ...(stored(defaultSettings()) as object), schedule: { windows, blocks: [], skips: [] } };
        const result = parseSettings(raw);
        const expectedIds = entries.flatMap((e, i) => (e.valid ? [`w${i}`] : []));
        expect(result.settings.schedule.windows.map((w) => w.id)).toEqual(expectedIds);
        expect(result.problems).toHaveLength(entries.length - expectedIds.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('pruneSkips', () => {
  const withSkips = (dates: string[]): Settings => {
    const s = defaultSettings();
    s.schedule.skips = dates.map((date) => ({ windowId: 'dinner', date }));
    return s;
  };
  const dates = (s: Settings) => s.schedule.skips.map((k) => k.date);

  it('drops skips more than 2 days before today and keeps the rest', () => {
    const s = withSkips(['2023-12-31', '2024-03-07', '2024-03-08', '2024-03-09', '2024-03-10', '2024-03-11']);
    expect(dates(pruneSkips(s, '2024-03-10'))).toEqual(['2024-03-08', '2024-03-09', '2024-03-10', '2024-03-11']);
  });

  it('counts back across months, leap days and years', () => {
    const s = withSkips(['2024-02-27', '2024-02-28', '2024-02-29', '2024-12-29', '2024-12-30']);
    expect(dates(pruneSkips(s, '2024-03-01'))).toEqual(['2024-02-28', '2024-02-29', '2024-12-29', '2024-12-30']);
    expect(dates(pruneSkips(s, '2025-01-01'))).toEqual(['2024-12-30']);
  });

  it('is pure: the input is untouched, and nothing to drop gives the same object', () => {
    const s = withSkips(['2024-01-01', '2024-03-10']);
    const before = structuredClone(s);
    const pruned = pruneSkips(s, '2024-03-10');
    expect(s).toEqual(before);
    expect(pruned).not.toBe(s);
    expect(pruned.schedule.windows).toBe(s.schedule.windows);
    expect(pruneSkips(pruned, '2024-03-10')).toBe(pruned);
  });

  it('leaves settings alone when today is not a real date', () => {
    const s = withSkips(['2024-01-01']);
    expect(pruneSkips(s, 'today')).toBe(s);
    expect(pruneSkips(s, '2024-02-30')).toBe(s);
  });
});

describe('newId', () => {
  it('is prefixed and unique', () => {
    const ids = Array.from({ length: 50 }, () => newId('focus'));
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^focus-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId('')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the default windows in the parent’s language', () => {
  it('are named from the messages the edge gave, and stay English in the frozen defaults', async () => {
    const { readFileSync } = await import('node:fs');
    const es = JSON.parse(readFileSync('public/_locales/es/messages.json', 'utf8'));
    const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8'));
    setSay(sayFromMessages(es));
    try {
      expect(defaultSettings().schedule.windows.map((w) => w.label)).toEqual(['Cena', 'Rutina de buenas noches', es.onboardingWeekendLabel.message]);
      expect(DEFAULT_SETTINGS.schedule.windows.map((w) => w.label)).toEqual(['Dinner', 'Bedtime routine', 'Weekend']);
    } finally {
      setSay(sayFromMessages(en));
    }
  });
});
