import { describe, expect, it } from 'vitest';
import { defaultSettings } from './defaults';
import { migrate } from './migrate';
import { parseSettings } from './parse';
import { DEFAULT_WEEKLY_CHOICE } from '../weeklyShape';
import { richSettings, stored, strictlyValid } from '../../../tests/unit/settingsTesting';

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

  it('brings version 1 up to today’s version', () => {
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
    expect(result.settings.letThrough).toEqual([]);
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
    expect(migrated).toEqual({ ok: true, data: current, from: 4, problems: [] });
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
    const newer = { ...stored(richSettings()) as object, version: 5 };
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

describe('version 2 to 3', () => {
  it('adds an empty let-through list and keeps everything else as it was', () => {
    const { letThrough: _, weeklyChoice: __, chosen: ___, ...v2 }: Record<string, unknown> = { ...(stored(richSettings()) as Record<string, unknown>), version: 2 };
    const migrated = migrate(v2);
    const v4 = { weeklyChoice: DEFAULT_WEEKLY_CHOICE, chosen: null };
    expect(migrated).toEqual({ ok: true, data: { ...v2, version: 4, letThrough: [], ...v4 }, from: 2, problems: [] });
  });
});

describe('version 3 to 4', () => {
  const v3 = () => {
    const { weeklyChoice: _, chosen: __, ...rest } = stored(richSettings()) as Record<string, unknown>;
    return { ...rest, version: 3 };
  };

  it('keeps everything and adds the weekly choice (Sunday at 7 pm) with nothing chosen yet', () => {
    const data = v3();
    expect(migrate(data)).toEqual({ ok: true, data: { ...data, version: 4, weeklyChoice: { on: true, day: 0, time: '19:00' }, chosen: null }, from: 3, problems: [] });
    const result = parseSettings(data);
    expect(result.problems).toEqual([]);
    expect(result.migratedFrom).toBe(3);
    expect(result.settings).toEqual({ ...richSettings(), weeklyChoice: DEFAULT_WEEKLY_CHOICE, chosen: null });
    expect(strictlyValid(result.settings)).toBe(true);
  });

  it('gives each migrated settings a weekly choice of its own (not one shared object)', () => {
    const a = migrate(v3());
    const b = migrate(v3());
    expect(a.ok && b.ok && a.data.weeklyChoice !== b.data.weeklyChoice).toBe(true);
  });

  it('brings version 1 all the way up, the weekly choice included', () => {
    const result = parseSettings({ version: 1, windows: [], headsUp: true });
    expect(result.intact).toBe(true);
    expect(result.settings.weeklyChoice).toEqual(DEFAULT_WEEKLY_CHOICE);
    expect(result.settings.chosen).toBeNull();
  });
});

describe('version 4: the weekly choice as stored', () => {
  it('sets aside a weekly choice or an answer it cannot read, with one sentence each, and keeps the rest', () => {
    const raw = { ...(stored(richSettings()) as Record<string, unknown>), weeklyChoice: { on: 'yes', day: 9, time: '25:00' }, chosen: { week: 'last week', moments: [] } };
    const result = parseSettings(raw);
    expect(result.settings.weeklyChoice).toEqual(DEFAULT_WEEKLY_CHOICE);
    expect(result.settings.chosen).toBeNull();
    expect(result.settings.schedule).toEqual(richSettings().schedule);
    expect(result.problems).toEqual([
      "Hearth couldn't read when to ask what matters most each week, so it asks on Sundays at 7 pm again.",
      "Hearth couldn't read the moments chosen for this week, so it will ask again.",
    ]);
  });

  it('holds at most three chosen moments', () => {
    const moments = [1, 2, 3, 4].map((n) => ({ blockId: `b${n}` }));
    const result = parseSettings({ ...(stored(richSettings()) as Record<string, unknown>), chosen: { week: '2025-03-09', moments } });
    expect(result.settings.chosen).toBeNull();
    expect(result.intact).toBe(false);
  });
});
