// The welcome page's choices, apart from the page: which work tools it offers, which
// family times it suggests, how a choice becomes a stored window, and how times and
// days are put into words. No browser API beyond i18n.
//
// Suggestions keep the ids of the default windows ('dinner', 'bedtime', 'weekend'), so
// saving replaces a default in place instead of adding a second one. A stored window
// with one of these ids is shown as it is stored (its times and days), and saving keeps
// its name and days; a suggestion left unticked is taken out of the schedule. Windows
// with other ids, one-off blocks and "not tonight" skips are kept as they are.
import browser from 'webextension-polyfill';
import type { BoundaryWindow, Schedule, Weekday } from '../../core/types';
import { defaultWindow } from '../../core/settings/defaults';
import { SITE_PRESETS } from '../../core/sites';
import { t } from '../../i18n';

// ---------------------------------------------------------------------------
// Work tools
// ---------------------------------------------------------------------------

/** One toggle on the first step: one pattern, named by every preset that uses it. */
export interface Tool {
  /** The first preset's id: for the element id and the badge colour. */
  id: string;
  /** "Slack"; "Jira and Confluence" when presets share an address. */
  name: string;
  /** The letter on its badge. */
  letter: string;
  pattern: string;
}

const language = () => browser.i18n.getUILanguage();

/** "Jira and Confluence", "Saturday and Sunday", in the browser's language. */
export function listWords(items: readonly string[]): string {
  try {
    return new Intl.ListFormat(language(), { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/**
 * The presets as toggles. Presets with the same address (Jira and Confluence both live
 * on *.atlassian.net) are one toggle: choosing either would quiet both anyway.
 */
export function workTools(): Tool[] {
  const byPattern = new Map<string, { id: string; names: string[] }>();
  for (const preset of SITE_PRESETS) {
    const group = byPattern.get(preset.pattern);
    if (group) group.names.push(preset.name);
    else byPattern.set(preset.pattern, { id: preset.id, names: [preset.name] });
  }
  return [...byPattern].map(([pattern, { id, names }]) => ({
    id,
    name: listWords(names),
    letter: Array.from(names[0] ?? '?')[0]?.toUpperCase() ?? '?',
    pattern,
  }));
}

// ---------------------------------------------------------------------------
// Family times
// ---------------------------------------------------------------------------

export type SuggestionId = 'dinner' | 'bedtime' | 'weekend' | 'school-run';

interface Suggestion {
  id: SuggestionId;
  /** The name on its checkbox. */
  name: () => string;
  /** Whether the parent picks its times here (the weekend is whole days). */
  timed: boolean;
  /** The window saved when none with this id is stored yet. */
  fresh: () => BoundaryWindow;
}


const SUGGESTIONS: readonly Suggestion[] = [
  {
    id: 'dinner',
    name: () => t('onboardingDinner'),
    timed: true,
    fresh: () => defaultWindow('dinner'),
  },
  {
    id: 'bedtime',
    name: () => t('onboardingBedtime'),
    timed: true,
    fresh: () => defaultWindow('bedtime'),
  },
  {
    id: 'weekend',
    name: () => t('onboardingWeekends'),
    timed: false,
    fresh: () => defaultWindow('weekend'),
  },
  {
    id: 'school-run',
    name: () => t('onboardingSchoolRun'),
    timed: true,
    fresh: () => ({
      id: 'school-run',
      label: t('onboardingSchoolRun'),
      kind: 'school-run',
      days: [1, 2, 3, 4, 5],
      start: '07:30',
      end: '08:30',
      endDayOffset: 0,
      paused: false,
    }),
  },
];

/** One suggestion as the parent sees it on the second step. */
export interface Choice {
  id: SuggestionId;
  name: string;
  timed: boolean;
  /** Ticked: family time at these times. */
  on: boolean;
  /** "HH:MM", or "" while the parent has the field cleared. */
  start: string;
  end: string;
  /** The stored window with this id, or the suggestion's own. */
  base: BoundaryWindow;
}

/** The suggestions, ticked and timed as the stored windows are now. */
export function choicesFrom(windows: readonly BoundaryWindow[]): Choice[] {
  return SUGGESTIONS.map((s) => {
    const stored = windows.find((w) => w.id === s.id);
    const base = stored ?? s.fresh();
    return {
      id: s.id,
      name: s.name(),
      timed: s.timed,
      on: stored !== undefined && !stored.paused,
      start: base.start,
      end: base.end,
      base,
    };
  });
}

/** Element ids of a choice's fields (also the keys of its problems). */
export const fieldId = (choice: Pick<Choice, 'id'>, which: 'on' | 'start' | 'end'): string => `time-${choice.id}-${which}`;

/**
 * How many days after its start a timed choice ends, the same number the settings page
 * saves: as stored while its times are still the stored ones (so a window set there to
 * end two days later stays so); otherwise the same day when the end is later, and the
 * next day when it is earlier (an overnight time such as 22:00 to 06:30, or an end at
 * midnight). Null when the end is the start, or a time is missing.
 */
export function endDayOffsetOf(choice: Pick<Choice, 'start' | 'end' | 'base'>): number | null {
  if (choice.start === '' || choice.end === '') return null;
  if (choice.start === choice.base.start && choice.end === choice.base.end) return choice.base.endDayOffset;
  if (choice.end > choice.start) return 0;
  if (choice.end < choice.start) return 1;
  return null;
}

/** "Ends the next day" next to an end time on a later day; "" when it ends the same day. */
export function endDayNote(choice: Pick<Choice, 'start' | 'end' | 'base'>): string {
  const offset = endDayOffsetOf(choice);
  if (offset === null || offset === 0) return '';
  return offset === 1 ? t('onboardingEndsNextDayNote') : t('onboardingEndsDaysLaterNote', [String(offset)]);
}

/**
 * Plain sentences about the ticked choices' times, keyed by the field they are about
 * (shown next to it). Empty when everything can be saved.
 */
export function timeProblems(choices: readonly Choice[]): Map<string, string> {
  const problems = new Map<string, string>();
  for (const choice of choices) {
    if (!choice.on || !choice.timed) continue;
    if (choice.start === '') problems.set(fieldId(choice, 'start'), t('onboardingStartMissing', [choice.name]));
    if (choice.end === '') problems.set(fieldId(choice, 'end'), t('onboardingEndMissing', [choice.name]));
    else if (choice.start !== '' && endDayOffsetOf(choice) === null) {
      problems.set(fieldId(choice, 'end'), t('onboardingEndSameAsStart', [choice.name, wallTimeWords(choice.start)]));
    }
  }
  return problems;
}

/** The window a ticked choice saves as, on top of the stored one when there is one. */
export function windowOf(choice: Choice, stored: BoundaryWindow = choice.base): BoundaryWindow {
  if (!choice.timed) return { ...stored, paused: false };
  return {
    ...stored,
    start: choice.start,
    end: choice.end,
    // An end equal to the start is caught by timeProblems first; 0 lets the worker name it.
    endDayOffset: endDayOffsetOf(choice) ?? 0,
    paused: false,
  };
}

/**
 * The schedule to save: the stored one, with each suggestion's window replaced in
 * place (ticked) or taken out (unticked), new ones added after, everything else kept.
 */
export function scheduleWith(current: Schedule, choices: readonly Choice[]): Schedule {
  const byId = new Map<string, Choice>(choices.map((c) => [c.id, c]));
  const windows: BoundaryWindow[] = [];
  for (const stored of current.windows) {
    const choice = byId.get(stored.id);
    if (!choice) windows.push(stored);
    else if (choice.on) windows.push(windowOf(choice, stored));
  }
  for (const choice of choices) {
    if (choice.on && !current.windows.some((w) => w.id === choice.id)) windows.push(windowOf(choice));
  }
  return { windows, blocks: current.blocks, skips: current.skips };
}

/** The windows the parent is about to save, for the summary: ticked ones and the rest kept. */
export function windowsToSave(stored: readonly BoundaryWindow[], choices: readonly Choice[]): BoundaryWindow[] {
  return scheduleWith({ windows: [...stored], blocks: [], skips: [] }, choices).windows.filter((w) => !w.paused);
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

/** "6:00 pm" (or "18:00") for "18:00", in the browser's language and clock style. */
export function wallTimeWords(time: string): string {
  const [h, m] = time.split(':').map(Number);
  if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) return time;
  return new Intl.DateTimeFormat(language(), { hour: 'numeric', minute: '2-digit' }).format(new Date(2000, 0, 1, h, m));
}

/** "Sunday": 1 January 2023 was a Sunday. */
function weekdayName(day: number): string {
  return new Intl.DateTimeFormat(language(), { weekday: 'long' }).format(new Date(2023, 0, 1 + day));
}

/** "every day", "weekdays", "Sunday to Thursday", "Saturday and Sunday", "Monday". */
export function daysWords(days: readonly Weekday[]): string {
  const set = new Set(days);
  if (set.size === 7) return t('onboardingEveryDay');
  if (set.size === 5 && [1, 2, 3, 4, 5].every((d) => set.has(d as Weekday))) return t('onboardingWeekdays');
  // One unbroken run of three or more days (Friday to Sunday wraps round the week).
  const starts = [...set].filter((d) => !set.has(((d + 6) % 7) as Weekday));
  const first = starts[0];
  if (starts.length === 1 && first !== undefined && set.size >= 3) {
    return t('onboardingDayRange', [weekdayName(first), weekdayName((first + set.size - 1) % 7)]);
  }
  // Monday first, as a week is usually read.
  const ordered = [...set].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return listWords(ordered.map(weekdayName));
}

/** "every day, 6:00 pm to 7:30 pm"; "all of Saturday and Sunday". */
export function whenWords(w: BoundaryWindow): string {
  const days = daysWords(w.days);
  const start = wallTimeWords(w.start);
  const end = wallTimeWords(w.end);
  const weekendDays = w.days.length === 1 && w.days[0] === 6;
  if (weekendDays && w.start === '00:00' && w.end === '00:00' && w.endDayOffset === 2) {
    return t('onboardingWholeWeekend');
  }
  if (w.endDayOffset === 0) return t('onboardingWhen', [days, start, end]);
  if (w.endDayOffset === 1) return t('onboardingWhenNextDay', [days, start, end]);
  return t('onboardingWhenLater', [days, start, end, String(w.endDayOffset)]);
}
