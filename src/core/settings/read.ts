// The one check of settings data in today's shape (after migrate.ts): every window,
// block, skip, work site and preference against its schema (schema.ts), and ids that
// differ within each list. Stored settings, sync and imported files all come through
// here and differ only in their words (a Voice) and in what a problem does: a stored
// part is set aside and the read goes on (parse.ts); a file is refused whole at its first
// problem, its `report` throwing (file.ts).

import * as v from 'valibot';
import { isRecord, type Data } from '../record';
import { say } from '../say';
import type { BoundaryWindow, OneOffBlock, Schedule, Skip } from '../types';
import { defaultSettings } from './defaults';
import {
  BlockSchema,
  CURRENT_VERSION,
  PreferencesSchema,
  SkipSchema,
  WindowSchema,
  WorkSiteSchema,
  LetThroughSchema,
  type Preferences,
  type Settings,
  type WorkSite,
} from './schema';
import { kindOf, shown, subject, type Subject } from './wording';
import { LET_THROUGH_LIMITS, type LetThroughRule } from '../letThrough';
import { AGE_RANGES, type AgeRange } from '../prompts';
import { readChosen, readWeeklyChoice } from './readWeekly';

/** Hears each problem as one finished sentence; may throw to end the read there. */
export type Report = (sentence: string) => void;

/** How one list's problems are put. */
export interface ListWords<T> {
  /** How an item starts a sentence. */
  noun: Subject;
  /** The list is missing, or is not a list. */
  notList(raw: unknown): string;
  /** A truer word than the schema's for an item's problem, when there is one. */
  explain?(item: unknown): string | null;
  /** A later item with an id already taken (lists whose items have ids). */
  duplicate?(earlier: T, later: T, laterSubject: string): string;
}

/** The words of a list whose items have ids, which must differ. */
type IdListWords<T> = ListWords<T> & Required<Pick<ListWords<T>, 'duplicate'>>;

export interface Voice {
  windows: IdListWords<BoundaryWindow>;
  blocks: IdListWords<OneOffBlock>;
  skips: ListWords<Skip>;
  sites: IdListWords<WorkSite>;
  letThrough: IdListWords<LetThroughRule>;
  /** An item its schema refused: `subject` starts the sentence, `what` is its middle. */
  setAside(subject: string, what: string): string;
  /** Why the schedule can't be read at all (the usual one is used), or null. */
  unreadableSchedule(raw: unknown): string | null;
  /** Why the preferences can't be read at all (the usual ones are used), or null. */
  unreadablePreferences(raw: unknown): string | null;
  preferenceMissing(key: keyof Preferences): string;
  preferenceUnreadable(key: keyof Preferences, value: unknown): string;
  /** Files only: each site's pattern read as adding it would read it. */
  sitePatterns?(sites: WorkSite[]): WorkSite[];
}

const field = (key: string) => (item: unknown) => (isRecord(item) ? item[key] : undefined);
const labelOf = field('label');
const idOf = (item: { id: string }) => item.id;

/** The items of a list that pass `schema`, the first of each id (with `ids`) kept. */
function readList<T>(
  raw: unknown,
  schema: v.GenericSchema<unknown, T>,
  words: ListWords<T>,
  nameOf: (item: unknown) => unknown,
  voice: Voice,
  report: Report,
  ids?: (item: T) => string,
): T[] {
  if (!Array.isArray(raw)) {
    report(words.notList(raw));
    return [];
  }
  const kept: T[] = [];
  const byId = new Map<string, T>();
  // A plain loop, not forEach: a hole in the array is an item too.
  for (let index = 0; index < raw.length; index++) {
    const item: unknown = raw[index];
    const named = () => subject(words.noun, nameOf(item), index + 1);
    const result = v.safeParse(schema, item);
    if (!result.success) {
      const what = words.explain?.(item) ?? result.issues[0]?.message ?? say('coreProblemUnreadable');
      report(voice.setAside(named(), what));
      continue;
    }
    if (ids !== undefined && words.duplicate !== undefined) {
      const id = ids(result.output);
      const earlier = byId.get(id);
      if (earlier !== undefined) {
        report(words.duplicate(earlier, result.output, named()));
        continue;
      }
      byId.set(id, result.output);
    }
    kept.push(result.output);
  }
  return kept;
}

function readSchedule(raw: unknown, voice: Voice, report: Report): Schedule {
  const unreadable = voice.unreadableSchedule(raw);
  if (unreadable !== null) {
    report(unreadable);
    return defaultSettings().schedule;
  }
  const lists: Data = isRecord(raw) ? raw : {};
  const windows = readList(lists.windows, WindowSchema, voice.windows, labelOf, voice, report, idOf);
  const blocks = readList(lists.blocks, BlockSchema, voice.blocks, labelOf, voice, report, idOf);
  // A skip is named by its window, when that window is kept.
  const labels = new Map(windows.map((w) => [w.id, w.label]));
  const windowLabel = (item: unknown) => {
    const windowId = field('windowId')(item);
    return typeof windowId === 'string' ? labels.get(windowId) : undefined;
  };
  const skips = readList(lists.skips, SkipSchema, voice.skips, windowLabel, voice, report);
  return { windows, blocks, skips };
}

function readPreferences(raw: unknown, voice: Voice, report: Report): Preferences {
  const usual = defaultSettings().preferences;
  const unreadable = voice.unreadablePreferences(raw);
  if (unreadable !== null) {
    report(unreadable);
    return usual;
  }
  const stored: Data = isRecord(raw) ? raw : {};
  const read = <K extends keyof Preferences>(key: K): Preferences[K] => {
    if (!(key in stored)) {
      report(voice.preferenceMissing(key));
      return usual[key];
    }
    const result = v.safeParse(PreferencesSchema.entries[key], stored[key]);
    if (result.success) return result.output as Preferences[K];
    report(voice.preferenceUnreadable(key, stored[key]));
    return usual[key];
  };
  return {
    headsUp: read('headsUp'),
    headsUpMinutes: read('headsUpMinutes'),
    handoff: read('handoff'),
    dimWayThroughMinutes: read('dimWayThroughMinutes'),
  };
}

/**
 * Settings from `data` (already in today's shape), part by part in a fixed order:
 * windows, blocks, skips, sites, preferences. Each problem goes to `report`; what
 * passes is kept, and a part with no readable value at all takes the usual one.
 */
export function readSettings(data: Data, voice: Voice, report: Report): Settings {
  const schedule = readSchedule(data.schedule, voice, report);
  const sites = readList(data.sites, WorkSiteSchema, voice.sites, field('pattern'), voice, report, idOf);
  return {
    version: CURRENT_VERSION,
    schedule,
    sites: voice.sitePatterns?.(sites) ?? sites,
    preferences: readPreferences(data.preferences, voice, report),
    letThrough: readLetThrough(data.letThrough, voice, report),
    childAges: readChildAges(data.childAges, report),
    weeklyChoice: readWeeklyChoice(data.weeklyChoice, report),
    chosen: readChosen(data.chosen, report),
  };
}

/** The let-through names, the first few dozen of them: a longer list is no longer a few that matter. */
function readLetThrough(raw: unknown, voice: Voice, report: Report): LetThroughRule[] {
  const rules = readList(raw, LetThroughSchema, voice.letThrough, field('text'), voice, report, idOf);
  if (rules.length <= LET_THROUGH_LIMITS.rules) return rules;
  report(say('coreTooManyLetThrough'));
  return rules.slice(0, LET_THROUGH_LIMITS.rules);
}

/** The children's age ranges: none given when missing (they are optional); each known range once. */
function readChildAges(raw: unknown, report: Report): AgeRange[] {
  if (raw === undefined) return [];
  const isAge = (value: unknown): value is AgeRange => (AGE_RANGES as readonly unknown[]).includes(value);
  const strangers = Array.isArray(raw) ? raw.filter((value) => !isAge(value)) : [raw];
  if (strangers.length > 0) report(say('coreChildAgesUnknown', [shown(strangers[0]) || kindOf(strangers[0])]));
  return Array.isArray(raw) ? [...new Set(raw.filter(isAge))] : [];
}
