// The forgiving read of stored settings: every usable part kept, each part set aside
// named, and nothing at all makes it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from './defaults';
import { parseSettings } from './parse';
import { dinner, richSettings, stored, strictlyValid, window, withExtraWindow } from '../../../tests/unit/settingsTesting';

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
