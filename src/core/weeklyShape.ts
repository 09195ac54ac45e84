// The weekly choice's stored shapes and limits, apart from its logic (weeklyChoice.ts):
// the settings schema and the message map name them, and every page loads those, so
// this file imports nothing (the schedule engine stays out of the pages' shared code).
import type { WallTime, Weekday } from './types';

export interface WeeklyChoice {
  /** Off: the popup never asks (moments already chosen keep their care). */
  on: boolean;
  /** The weekday the week begins and the question comes (0 = Sunday). */
  day: Weekday;
  /** The local time it comes, "HH:MM". */
  time: WallTime;
}

/** A chosen moment: one occurrence of a window (by its local start date), or a one-off block. */
export type MomentRef = { windowId: string; date: string } | { blockId: string };

/** One week's answer. No moments: "Not this week". Either way the week is answered. */
export interface Chosen {
  /** "YYYY-MM-DD": the local date the week began (its weekly choice day). */
  week: string;
  moments: MomentRef[];
}

export const MAX_CHOSEN = 3;
export const DEFAULT_WEEKLY_CHOICE: WeeklyChoice = { on: true, day: 0, time: '19:00' };
/** A chosen moment's heads-up comes this early, unless the parent's usual one is earlier still. */
export const CHOSEN_HEADS_UP_MINUTES = 30;
