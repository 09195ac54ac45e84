// Files Hearth refuses, each with one kind sentence naming the first thing it can't use.
import { describe, expect, it } from 'vitest';
import { toneProblems } from '../tone';
import { MAX_FILE_SIZE, exportSettingsFile, megabytes, parseSettingsFile } from './file';
import type { Settings } from './schema';
import { NOW, errorOf, fullSettings, spoilt, type Doc } from '../../../tests/unit/settingsTesting';

describe('parseSettingsFile: files Hearth refuses', () => {
  const good = () => exportSettingsFile(fullSettings(), NOW).json;

  // [what the file is, its text, words the one sentence says]
  const cases: [string, () => string, RegExp][] = [
    ['an empty file', () => '', /^This file is empty/],
    ['a file of blank lines', () => '\n  \n\t\n', /^This file is empty/],
    [
      'JSON with a comma left out on line 4',
      () => '{\n  "format": "hearth-settings",\n  "version": 2\n  "settings": {}\n}',
      /^Hearth couldn't read line 4 of this file: a comma seems to be missing just before "settings"\.$/,
    ],
    [
      'JSON with a colon left out',
      () => '{\n  "format" "hearth-settings"\n}',
      /^Hearth couldn't read line 2 of this file, near \u201C"hearth-settings"\u201D/,
    ],
    [
      'JSON with a comma before a closing bracket on line 3',
      () => '{\n  "format": "hearth-settings",\n  "version": 2,\n}',
      /^Line 3 of this file has a comma just before a closing bracket/,
    ],
    ['a file cut off partway through', () => good().slice(0, 400), /^This file stops partway through \(on line \d+\)/],
    ['a plain text note', () => 'Dinner at six, bedtime at half seven', /couldn't read line 1 of this file, near "Dinner at six, bedt…"/],
    ['a line break inside quotes', () => '{\n  "format": "hearth-\nsettings"\n}', /^Line 2 of this file has a line break inside quotes/],
    ['JSON that is a list', () => '[1, 2, 3]', /^This file holds a list rather than Hearth's settings/],
    ['JSON that is a piece of text', () => '"hearth-settings"', /holds a piece of text rather than/],
    ['JSON null', () => 'null', /holds an empty value \(null\)/],
    ['an object with no format', () => spoilt((d) => delete d.format), /doesn't say it's a Hearth settings file/],
    [
      'a Hearth history export',
      () => JSON.stringify({ format: 'hearth-history', version: 1, exportedAt: '2025-03-14T20:00:00.000Z', events: [], thoughts: [] }),
      /^This is a Hearth history file, not a settings file; choose a file saved with "Export settings"/,
    ],
    ['some other app’s file', () => spoilt((d) => (d.format = 'calendar-backup')), /says it's a "calendar-backup" file, not a Hearth settings file/],
    ['no version', () => spoilt((d) => delete d.version), /doesn't say which version/],
    ['a version that is text', () => spoilt((d) => (d.version = 'two')), /version is "two" rather than a number/],
    ['version 0', () => spoilt((d) => (d.version = 0)), /version 0, but Hearth's settings start at version 1/],
    ['version -2', () => spoilt((d) => (d.version = -2)), /version -2, but Hearth's settings start at version 1/],
    ['version 1.5', () => spoilt((d) => (d.version = 1.5)), /version 1\.5, but .* whole numbers/],
    [
      'a version from a newer Hearth',
      () => spoilt((d) => ((d.version = 5), (d.settings.version = 5 as 4))),
      /^This file was made by a newer version of Hearth \(its settings are version 5, .*updating Hearth/,
    ],
    ['no settings', () => spoilt((d) => delete (d as Partial<Doc>).settings), /^This file has no settings in it/],
    ['settings that are a list', () => spoilt((d) => ((d as Record<string, unknown>).settings = [])), /settings in this file are a list/],
    [
      'settings whose own version differs from the file’s',
      () => spoilt((d) => (d.version = 1)),
      /says it holds version 1 settings, but the settings inside say version 4/,
    ],
    ['no schedule', () => spoilt((d) => delete (d.settings as Partial<Settings>).schedule), /have no schedule/],
    [
      'a window with an end time Hearth can’t read',
      () => spoilt((d) => (d.settings.schedule.windows[0]!.end = '25:00')),
      /^The window "Dinner" has an end time "25:00" Hearth can't read\.$/,
    ],
    ['a window with no days', () => spoilt((d) => (d.settings.schedule.windows[0]!.days = [])), /^The window "Dinner" isn't set for any day\.$/],
    [
      'a window with no name',
      () => spoilt((d) => delete (d.settings.schedule.windows[1] as Partial<Settings['schedule']['windows'][number]>).label),
      /^The second window in this file has no name\.$/,
    ],
    [
      'two windows with the same id',
      () => spoilt((d) => (d.settings.schedule.windows[3]!.id = 'dinner')),
      /^The windows "Dinner" and "School run" in this file share the id "dinner"/,
    ],
    [
      'a block running to a Date\'s limit',
      () => spoilt((d) => (d.settings.schedule.blocks[0]!.end = 8.64e15)),
      /^The one-off block "Focus" has an end time 8640000000000000 Hearth can't read\.$/,
    ],
    [
      'a block ending before it starts',
      () => spoilt((d) => (d.settings.schedule.blocks[0]!.end = NOW - 60_000)),
      /^The one-off block "Focus" ends before it starts\.$/,
    ],
    [
      'a skip on a day the calendar doesn’t have',
      () => spoilt((d) => (d.settings.schedule.skips[0]!.date = '2025-02-30')),
      /^The "not tonight" for "Dinner" is for 2025-02-30, a day the calendar doesn't have\.$/,
    ],
    [
      'a skip with a date that isn’t a date',
      () => spoilt((d) => (d.settings.schedule.skips[0]!.date = 'tomorrow')),
      /^The "not tonight" for "Dinner" has a date "tomorrow" Hearth can't read\.$/,
    ],
    [
      'a site covering every .com',
      () => spoilt((d) => (d.settings.sites[0]!.pattern = '*.com')),
      /^One of the work sites in this file can't be used: "\*\.com" would cover every site ending in \.com/,
    ],
    [
      'a site that is not an address',
      () => spoilt((d) => (d.settings.sites[0]!.pattern = 'not a site!')),
      /can't be used: "not a site!" has a character \(a space\) that site addresses don't use\.$/,
    ],
    [
      'a browser page as a site',
      () => spoilt((d) => (d.settings.sites[0]!.pattern = 'chrome://settings')),
      /can't be used: "chrome:\/\/settings" isn't a website address/,
    ],
    ['a site of blank spaces', () => spoilt((d) => (d.settings.sites[0]!.pattern = '   ')), /work sites in this file has an empty address/],
    [
      'a site mode Hearth doesn’t know',
      () => spoilt((d) => ((d.settings.sites[0] as { mode: string }).mode = 'loud')),
      /^The work site "app\.slack\.com" has a mode "loud" Hearth doesn't know\.$/,
    ],
    [
      'the same site twice',
      () => spoilt((d) => (d.settings.sites[1]!.pattern = 'https://app.slack.com/client')),
      /^The work site "app\.slack\.com" is in this file twice/,
    ],
    [
      'two sites with the same id',
      () => spoilt((d) => (d.settings.sites[1]!.id = 'site-1')),
      /^The work sites "app\.slack\.com" and "\*\.atlassian\.net" in this file share the id "site-1"/,
    ],
    [
      'a heads-up time out of range',
      () => spoilt((d) => (d.settings.preferences.headsUpMinutes = 90)),
      /^The heads-up time in this file is 90 minutes, and Hearth can use whole minutes from 1 to 60\.$/,
    ],
    [
      'a way-through time of zero',
      () => spoilt((d) => (d.settings.preferences.dimWayThroughMinutes = 0)),
      /way-through time for dimmed sites in this file is 0 minutes, .* from 1 to 120/,
    ],
    [
      'a heads-up switch that is text',
      () => spoilt((d) => ((d.settings.preferences as Record<string, unknown>).headsUp = 'yes')),
      /^The heads-up setting in this file is "yes", where Hearth reads only on or off/,
    ],
    [
      'a missing preference',
      () => spoilt((d) => delete (d.settings.preferences as Partial<Settings['preferences']>).handoff),
      /^The preferences in this file have no hand-off setting\.$/,
    ],
    [
      'a version-1 file with no windows',
      () => JSON.stringify({ format: 'hearth-settings', version: 1, settings: { headsUp: true } }),
      /have no list of windows/,
    ],
    ['a 1.5 MB file', () => ' '.repeat(1.5 * 1024 * 1024), /^This file is 1\.5 MB, far bigger than a Hearth settings file/],
  ];

  it('has a good number of cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s', (_name, text, expected) => {
    const error = errorOf(text());
    expect(error).toMatch(expected);
  });

  it.each(cases)('says it kindly, in one sentence: %s', (_name, text) => {
    const error = errorOf(text());
    expect(error).not.toMatch(/\b(?:invalid|must|should|fail\w*|errors?)\b/i);
    expect(toneProblems(error)).toEqual([]);
    expect(error).toMatch(/[.]$/);
    // One sentence: no full stop followed by another sentence (addresses like app.slack.com are fine).
    expect(error).not.toMatch(/[.!?]["”)]?\s+[A-Z]/);
  });

  it('refuses a 50 MB file before parsing it, naming its size', () => {
    const huge = '{'.repeat(50 * 1024 * 1024);
    const parse = JSON.parse;
    let parsed = false;
    JSON.parse = ((...args: Parameters<typeof parse>) => {
      parsed = true;
      return parse(...args);
    }) as typeof JSON.parse;
    try {
      const error = errorOf(huge);
      expect(error).toMatch(/^This file is 50 MB, far bigger than a Hearth settings file \(those stay under 1 MB\)/);
    } finally {
      JSON.parse = parse;
    }
    expect(parsed).toBe(false);
  });

  it('reads a file right at the size limit', () => {
    const json = exportSettingsFile(fullSettings(), NOW).json;
    const padded = json + ' '.repeat(MAX_FILE_SIZE - json.length);
    expect(padded.length).toBe(MAX_FILE_SIZE);
    expect(parseSettingsFile(padded).ok).toBe(true);
    expect(errorOf(`${padded} `)).toMatch(/^This file is 1\.1 MB/);
  });

  it('names sizes in MB, rounding up', () => {
    expect(megabytes(1024 * 1024 + 1)).toBe('1.1 MB');
    expect(megabytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
    expect(megabytes(50 * 1024 * 1024)).toBe('50 MB');
    expect(megabytes(12.2 * 1024 * 1024)).toBe('13 MB');
  });

  it('finds the line of a slip in a long exported file', () => {
    const lines = exportSettingsFile(fullSettings(), NOW).json.split('\n');
    const at = lines.findIndex((line) => line.includes('"headsUpMinutes"'));
    lines[at] = lines[at]!.replace('15', "'15'");
    expect(errorOf(lines.join('\n'))).toMatch(new RegExp(`line ${at + 1} of this file, near "'15',"`));
  });

  it('refuses deeply nested JSON-like text without running out of stack', () => {
    const deep = `${'['.repeat(200_000)}x`;
    expect(errorOf(deep)).toMatch(/couldn't read line 1 of this file, near "x"/);
  });
});
