import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { OneOffBlock, Skip } from '../types';
import { defaultSettings } from './defaults';
import { parseSettings } from './parse';
import { BlockSchema, WindowSchema, type Settings } from './schema';
import { richSettings, stored, window, withExtraWindow } from '../../../tests/unit/settingsTesting';

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
      [key]: (defaultSettings().preferences as Record<string, unknown>)[key],
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
