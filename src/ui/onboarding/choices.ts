// The welcome page's choices, apart from the page: which work tools it offers, which
// family times it suggests, and how a choice becomes a stored window. The words for
// times and days are words.ts. No browser API beyond i18n.
//
// Suggestions keep the ids of the default windows ('dinner', 'bedtime', 'weekend'), so
// saving replaces a default in place instead of adding a second one. A stored window
// with one of these ids is shown as it is stored (its times and days), and saving keeps
// its name and days; a suggestion left unticked is taken out of the schedule. Windows
// with other ids, one-off blocks and "not tonight" skips are kept as they are.
import type { BoundaryWindow, Schedule } from '../../core/types';
import { defaultWindow } from '../../core/settings/defaults';
import { SITE_PRESETS } from '../../core/sites';
import { windowMinutes } from '../../core/weekView';
import { t } from '../../i18n';
import { durationText, LONG_WINDOW_MINUTES } from '../shared/duration';
import { listWords, wallTimeWords } from './words';

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

/** A suggestion that is one of the default windows, under its own name on the checkbox. */
const suggestDefault = (id: 'dinner' | 'bedtime' | 'weekend', name: () => string, timed: boolean): Suggestion => ({
  id,
  name,
  timed,
  fresh: () => defaultWindow(id),
});

const SUGGESTIONS: readonly Suggestion[] = [
  suggestDefault('dinner', () => t('onboardingDinner'), true),
  suggestDefault('bedtime', () => t('onboardingBedtime'), true),
  suggestDefault('weekend', () => t('onboardingWeekends'), false),
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

/** "Ends the next day" next to an end time on a later day ("This runs 23 hours, into the next day." when long); "" when it ends the same day. */
export function endDayNote(choice: Pick<Choice, 'start' | 'end' | 'base'>): string {
  const offset = endDayOffsetOf(choice);
  if (offset === null || offset === 0) return '';
  const length = windowMinutes({ start: choice.start, end: choice.end, endDayOffset: offset });
  if (offset === 1 && length !== null && length > LONG_WINDOW_MINUTES) return t('scheduleLongNextDayNote', [durationText(length)]);
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
function windowOf(choice: Choice, stored: BoundaryWindow = choice.base): BoundaryWindow {
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
