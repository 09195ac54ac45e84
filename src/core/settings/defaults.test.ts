import { describe, expect, it } from 'vitest';
import { setSay } from '../say';
import { sayFromMessages } from '../../../tests/unit/sayFromMessages';
import { defaultSettings } from './defaults';
import { parseSettings } from './parse';
import { CURRENT_VERSION } from './schema';
import { strictlyValid } from '../../../tests/unit/settingsTesting';

describe('defaults', () => {
  it('are valid under the strict schema', () => {
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

  it('hands out fresh copies', () => {
    const a = defaultSettings();
    a.schedule.windows[0]!.label = 'Tea';
    a.preferences.headsUp = false;
    expect(defaultSettings().schedule.windows[0]!.label).toBe('Dinner');
    expect(defaultSettings().preferences.headsUp).toBe(true);
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

describe('the default windows in the parent’s language', () => {
  it('are named from the messages the edge gave', async () => {
    const { readFileSync } = await import('node:fs');
    const es = JSON.parse(readFileSync('public/_locales/es/messages.json', 'utf8'));
    const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8'));
    setSay(sayFromMessages(es));
    try {
      expect(defaultSettings().schedule.windows.map((w) => w.label)).toEqual(['Cena', 'Rutina de buenas noches', es.onboardingWeekendLabel.message]);
    } finally {
      setSay(sayFromMessages(en));
    }
  });
});
