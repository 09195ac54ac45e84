import { describe, expect, it } from 'vitest';
import { defaultSettings } from './defaults';
import { keepWhatOlderLacks } from './olderPeer';
import { parseSettings } from './parse';

const here = () => {
  const s = defaultSettings();
  s.sites = [{ id: 'chat', pattern: 'chat.example', mode: 'quiet', name: 'Work Chat' }];
  s.letThrough = [{ id: 'r1', text: 'School office' }];
  s.childAges = ['little'];
  s.weeklyChoice = { on: true, day: 3, time: '20:00' };
  s.chosen = { week: '2026-11-29', moments: [{ blockId: 'recital' }] };
  return s;
};

describe('settings synced from an older Hearth', () => {
  it("version 2 keeps this device's let-through names, ages, site names and weekly choice; takes the rest", () => {
    const v2 = { version: 2, schedule: { windows: [], blocks: [], skips: [] }, sites: [{ id: 'chat', pattern: 'chat.example', mode: 'dim' }], preferences: defaultSettings().preferences };
    const parsed = parseSettings(v2);
    expect(parsed.migratedFrom).toBe(2);
    const kept = keepWhatOlderLacks(parsed.settings, 2, here());
    expect(kept.sites).toEqual([{ id: 'chat', pattern: 'chat.example', mode: 'dim', name: 'Work Chat' }]);
    expect([kept.letThrough, kept.childAges, kept.weeklyChoice, kept.chosen]).toEqual([here().letThrough, ['little'], here().weeklyChoice, here().chosen]);
    expect(kept.schedule.windows).toEqual([]);
    expect(parseSettings(kept).intact).toBe(true);
  });

  it('version 3 keeps only the weekly choice and the week answered', () => {
    const v3 = { ...here(), version: 3, letThrough: [], childAges: [], sites: [] } as Record<string, unknown>;
    delete v3.weeklyChoice;
    delete v3.chosen;
    const parsed = parseSettings(v3);
    const kept = keepWhatOlderLacks(parsed.settings, 3, here());
    expect([kept.letThrough, kept.childAges, kept.sites]).toEqual([[], [], []]);
    expect([kept.weeklyChoice, kept.chosen]).toEqual([here().weeklyChoice, here().chosen]);
  });
});
