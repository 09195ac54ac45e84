// The settings a parent recognises on day one: dinner, school-night bedtime and the
// weekend, no work sites yet, and gentle notices. Named in the parent's language (`say`).

import { say } from '../say';
import type { BoundaryWindow } from '../types';
import { DEFAULT_WEEKLY_CHOICE } from '../weeklyShape';
import { CURRENT_VERSION, type Settings } from './schema';

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return {
    version: CURRENT_VERSION,
    schedule: {
      windows: [
        {
          id: 'dinner',
          label: say('onboardingDinner'),
          kind: 'dinner',
          days: [0, 1, 2, 3, 4, 5, 6],
          start: '18:00',
          end: '19:30',
          endDayOffset: 0,
          paused: false,
        },
        {
          // School nights: Sunday to Thursday.
          id: 'bedtime',
          label: say('onboardingBedtime'),
          kind: 'bedtime',
          days: [0, 1, 2, 3, 4],
          start: '19:30',
          end: '20:30',
          endDayOffset: 0,
          paused: false,
        },
        {
          // Saturday 00:00 → Monday 00:00.
          id: 'weekend',
          label: say('onboardingWeekendLabel'),
          kind: 'weekend',
          days: [6],
          start: '00:00',
          end: '00:00',
          endDayOffset: 2,
          paused: false,
        },
      ],
      blocks: [],
      skips: [],
    },
    sites: [],
    preferences: { headsUp: true, headsUpMinutes: 10, handoff: true, dimWayThroughMinutes: 10 },
    letThrough: [],
    childAges: [],
    weeklyChoice: { ...DEFAULT_WEEKLY_CHOICE },
    chosen: null,
  };
}

/** One of the default windows, fresh (the first-run page offers them as suggestions). */
export function defaultWindow(id: 'dinner' | 'bedtime' | 'weekend'): BoundaryWindow {
  return defaultSettings().schedule.windows.find((w) => w.id === id)!;
}
