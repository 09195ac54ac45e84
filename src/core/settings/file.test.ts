import { describe, expect, it } from 'vitest';
import { inNewYork } from '../../../tests/unit/scheduleTesting';
import { defaultSettings } from './defaults';
import { exportSettingsFile, parseSettingsFile, settingsFileName } from './file';
import { CURRENT_VERSION, type Settings } from './schema';
import { NOW, errorOf, fullSettings, spoilt } from '../../../tests/unit/settingsTesting';

// File names use the computer's own calendar: run in a zone where the UTC date differs
// in the evening. Set at import time (see schedule.test.ts).
inNewYork();

describe('exportSettingsFile', () => {
  it('writes the versioned, pretty-printed format, without history', () => {
    const { json, fileName } = exportSettingsFile(fullSettings(), NOW);
    const file = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'settings']);
    expect(file).toEqual({
      format: 'hearth-settings',
      version: CURRENT_VERSION,
      exportedAt: '2025-03-15T02:30:00.000Z',
      settings: fullSettings(),
    });
    expect(json).toBe(`${JSON.stringify(file, null, 2)}\n`);
    expect(json).toContain('\n  "settings": {\n');
    expect(json).not.toMatch(/events|thoughts/);
    expect(fileName).toBe('hearth-settings-2025-03-14.json');
  });

  it('names the file by the local date', () => {
    expect(settingsFileName(Date.UTC(2025, 2, 15, 5, 0))).toBe('hearth-settings-2025-03-15.json');
    expect(settingsFileName(Date.UTC(2025, 0, 1, 4, 59))).toBe('hearth-settings-2024-12-31.json');
  });
});

describe('parseSettingsFile: round trip', () => {
  it('reads back exactly what was exported', () => {
    const settings = fullSettings();
    expect(parseSettingsFile(exportSettingsFile(settings, NOW).json)).toEqual({ ok: true, settings });
  });

  it('reads back the defaults, and a file with no sites, blocks or skips', () => {
    const settings = defaultSettings();
    expect(parseSettingsFile(exportSettingsFile(settings, NOW).json)).toEqual({ ok: true, settings });
  });

  it('reads a file saved with a byte-order mark, Windows line ends or no pretty-printing', () => {
    const settings = fullSettings();
    const { json } = exportSettingsFile(settings, NOW);
    expect(parseSettingsFile(`\uFEFF${json}`)).toEqual({ ok: true, settings });
    expect(parseSettingsFile(json.replaceAll('\n', '\r\n'))).toEqual({ ok: true, settings });
    expect(parseSettingsFile(JSON.stringify(JSON.parse(json)))).toEqual({ ok: true, settings });
  });

  it('normalises site patterns as adding a site would', () => {
    const result = parseSettingsFile(
      spoilt((d) => {
        d.settings.sites = [
          { id: 'a', pattern: 'https://Mail.Google.com/mail/u/0', mode: 'dim' },
          { id: 'b', pattern: '  App.Slack.COM  ', mode: 'quiet' },
        ];
      }),
    );
    expect(result.ok && result.settings.sites).toEqual([
      { id: 'a', pattern: 'mail.google.com', mode: 'dim' },
      { id: 'b', pattern: 'app.slack.com', mode: 'quiet' },
    ]);
  });

  it('names an address written in its own script as written, unless the file names it', () => {
    const result = parseSettingsFile(
      spoilt((d) => {
        d.settings.sites = [
          { id: 'a', pattern: 'https://Bücher.de/konto', mode: 'quiet' },
          { id: 'b', pattern: 'münchen.example', mode: 'quiet', name: 'Rathaus' },
          { id: 'c', pattern: 'xn--caf-dma.example', mode: 'quiet' },
        ];
      }),
    );
    expect(result.ok && result.settings.sites).toEqual([
      { id: 'a', pattern: 'xn--bcher-kva.de', mode: 'quiet', name: 'bücher.de' },
      { id: 'b', pattern: 'xn--mnchen-3ya.example', mode: 'quiet', name: 'Rathaus' },
      { id: 'c', pattern: 'xn--caf-dma.example', mode: 'quiet' },
    ]);
  });

  it('trims names and leaves out fields Hearth does not know', () => {
    const result = parseSettingsFile(
      spoilt((d) => {
        const w = d.settings.schedule.windows[0]!;
        w.label = '  Dinner  ';
        Object.assign(w, { colour: 'blue' });
        Object.assign(d.settings, { extra: true });
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.schedule.windows[0]).toEqual(defaultSettings().schedule.windows[0]);
    expect(result.settings).not.toHaveProperty('extra');
  });
});

describe('parseSettingsFile: migration from version 1', () => {
  const v1Windows = [
    { id: 'tea', label: 'Tea', kind: 'dinner', days: [1, 2, 3, 4, 5], start: '17:30', end: '18:15' },
    { id: 'night', label: 'Night', kind: 'bedtime', days: [0, 1, 2, 3, 4], start: '22:00', end: '06:30' },
    { id: 'sunday', label: 'Sunday', kind: 'weekend', days: [0], start: '00:00', end: '00:00' },
  ];
  const expected = (headsUp: boolean): Settings => ({
    version: 4,
    schedule: {
      windows: [
        { ...v1Windows[0]!, days: [1, 2, 3, 4, 5], kind: 'dinner', endDayOffset: 0, paused: false },
        { ...v1Windows[1]!, days: [0, 1, 2, 3, 4], kind: 'bedtime', endDayOffset: 1, paused: false },
        { ...v1Windows[2]!, days: [0], kind: 'weekend', endDayOffset: 1, paused: false },
      ],
      blocks: [],
      skips: [],
    },
    sites: [],
    preferences: { ...defaultSettings().preferences, headsUp },
    letThrough: [],
    childAges: [],
    weeklyChoice: { on: true, day: 0, time: '19:00' },
    chosen: null,
  });

  it('brings a version-1 file up to today’s settings (overnight and whole days become endDayOffset 1)', () => {
    const text = JSON.stringify({
      format: 'hearth-settings',
      version: 1,
      exportedAt: '2024-11-02T10:00:00.000Z',
      settings: { version: 1, windows: v1Windows, headsUp: false },
    });
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings: expected(false) });
  });

  it('reads a raw first-draft settings object (no version of its own) inside a version-1 file', () => {
    const text = JSON.stringify({ format: 'hearth-settings', version: 1, settings: { windows: v1Windows } });
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings: expected(true) });
  });

  it('refuses a version-1 file whole when one of its windows can’t be read', () => {
    const windows = [...v1Windows, { id: 'x', label: 'Late', kind: 'custom', days: [5], start: '21:00', end: '24:00' }];
    const text = JSON.stringify({ format: 'hearth-settings', version: 1, settings: { version: 1, windows } });
    expect(errorOf(text)).toBe(`The window "Late" has an end time "24:00" Hearth can't read.`);
  });
});
