// Everything Hearth stores as settings: the schema (valibot), the defaults a parent
// recognises on day one, migrations from older formats, and a forgiving read that
// keeps every usable part and says plainly what it set aside. Pure: no browser API.

import * as v from 'valibot';
import { say, sayHasMessages, sayOrdinal } from './say';
import type { BoundaryWindow, Schedule, Weekday, WindowKind } from './types';

export const CURRENT_VERSION = 2;

// ---------------------------------------------------------------------------
// Small value checks (also handy for forms)
// ---------------------------------------------------------------------------

const WALL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * The latest instant a one-off block may name: 1 January 9999, UTC. The calendar code
 * names days "YYYY-MM-DD", with four-digit years; the year to spare covers every time
 * zone and the days it looks ahead (a block ending at the year 275760, a Date's limit,
 * stopped every reconcile).
 */
export const LAST_INSTANT = Date.UTC(9999, 0, 1);

/** "HH:MM", 00:00–23:59. */
export function isWallTime(value: unknown): value is string {
  return typeof value === 'string' && WALL_TIME.test(value);
}

function dateFromKey(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = DATE_KEY.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month, day);
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day;
  return real ? date : null;
}

function keyFromDate(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** "YYYY-MM-DD" naming a date that exists (no 2023-02-29). */
export function isDateKey(value: unknown): value is string {
  return dateFromKey(value) !== null;
}

// ---------------------------------------------------------------------------
// Wording. Every schema message below is the middle of a sentence about one item:
// `The window "Dinner"` + ` has an end time "25:00" Hearth can't read` + `, so it
// was set aside.` Plain, specific, never blaming.
// ---------------------------------------------------------------------------

type Message = (issue: v.BaseIssue<unknown>) => string;

/** At most `max` characters, with an ellipsis when cut: a value shown back to the parent. */
export function clip(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** A stored value as it may be shown back to the parent, or '' when it can't be shown. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `"${clip(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** A fixed problem phrase, looked up when the problem is found (so in the parent's language). */
const problem =
  (key: string): Message =>
  () =>
    say(key);

/** The problem phrase with the stored value when it can be shown: `lists a day 9 Hearth can't read`. */
const withValue =
  (key: string, keyWithValue: string, before: string[] = []): Message =>
  (issue) => {
    const value = shown(issue.input);
    return value === '' ? say(key, before) : say(keyWithValue, [...before, value]);
  };

/** "has an end time "25:00" Hearth can't read"; `what` is a coreWhat… key. */
const unreadable =
  (what: string): Message =>
  (issue) =>
    withValue('coreProblemHasUnreadable', 'coreProblemHasUnreadableValue', [say(what)])(issue);

/**
 * The message for an item's object schema: the item is not an object at all, or
 * one of its fields is missing (`missing` maps field → "no start time").
 */
const itemMessage =
  (missing: Record<string, string>): Message =>
  (issue) => {
    const first = issue.path?.[0];
    // (An array passes valibot's object type check, then lacks every field.)
    if (first?.origin === 'key' && typeof first.key === 'string' && !Array.isArray(first.input)) {
      const what = missing[first.key];
      if (what !== undefined) return say(what);
    }
    return say('coreProblemUnreadable');
  };

// ---------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const satisfies readonly Weekday[];
const WINDOW_KINDS = [
  'dinner',
  'bedtime',
  'weekend',
  'school-run',
  'custom',
] as const satisfies readonly WindowKind[];
export const SITE_MODES = ['quiet', 'dim', 'set-aside'] as const;

const IdSchema = v.pipe(v.string(unreadable('coreWhatId')), v.minLength(1, problem('coreProblemEmptyId')));

/** Trimmed, 1–60 characters. */
const LabelSchema = v.pipe(
  v.string(unreadable('coreWhatName')),
  v.trim(),
  v.minLength(1, problem('coreProblemEmptyName')),
  v.maxLength(60, problem('coreProblemNameTooLong')),
);

const wallTime = (what: string) =>
  v.pipe(v.string(unreadable(what)), v.regex(WALL_TIME, unreadable(what)));

const instant = (what: string) =>
  v.pipe(
    v.number(unreadable(what)),
    v.integer(unreadable(what)),
    v.minValue(0, unreadable(what)),
    v.maxValue(LAST_INSTANT, unreadable(what)),
  );

const DaysSchema = v.pipe(
  v.array(
    v.picklist(WEEKDAYS, withValue('coreProblemDayUnreadable', 'coreProblemDayUnreadableValue')),
    unreadable('coreWhatDays'),
  ),
  v.minLength(1, problem('coreProblemNoDaysSet')),
  v.check((days) => new Set(days).size === days.length, problem('coreProblemSameDayTwice')),
);

export const WindowSchema = v.pipe(
  v.object(
    {
      id: IdSchema,
      label: LabelSchema,
      kind: v.picklist(WINDOW_KINDS, withValue('coreProblemUnknownKind', 'coreProblemUnknownKindValue')),
      days: DaysSchema,
      start: wallTime('coreWhatStartTime'),
      end: wallTime('coreWhatEndTime'),
      /** 0 = ends the same day, 1 = the next day, … 7 = a week later. */
      endDayOffset: v.pipe(
        v.number(unreadable('coreWhatEndDay')),
        v.integer(unreadable('coreWhatEndDay')),
        v.minValue(0, unreadable('coreWhatEndDay')),
        v.maxValue(7, problem('coreProblemEndsAfterWeek')),
      ),
      paused: v.boolean(unreadable('coreWhatPaused')),
    },
    itemMessage({
      id: 'coreProblemNoId',
      label: 'coreProblemNoName',
      kind: 'coreProblemNoKind',
      days: 'coreProblemNoDays',
      start: 'coreProblemNoStartTime',
      end: 'coreProblemNoEndTime',
      endDayOffset: 'coreProblemNoEndDay',
      paused: 'coreProblemNoPaused',
    }),
  ),
  v.check(
    (w) => w.endDayOffset !== 0 || w.end > w.start,
    (issue) => {
      const w = issue.input;
      return w.end === w.start
        ? say('coreProblemSameStartEnd', [w.start])
        : say('coreProblemEndsBeforeStart', [w.end, w.start]);
    },
  ),
  // An occurrence lasts at most a week, so it never overlaps the next one.
  v.check((w) => w.endDayOffset < 7 || w.end <= w.start, problem('coreProblemLongerThanWeek')),
);

export const BlockSchema = v.pipe(
  v.object(
    {
      id: IdSchema,
      label: LabelSchema,
      start: instant('coreWhatStartTime'),
      end: instant('coreWhatEndTime'),
    },
    itemMessage({
      id: 'coreProblemNoId',
      label: 'coreProblemNoName',
      start: 'coreProblemNoStartTime',
      end: 'coreProblemNoEndTime',
    }),
  ),
  v.check(
    (b) => b.end > b.start,
    (issue) =>
      issue.input.end === issue.input.start
        ? say('coreProblemEndsAsItStarts')
        : say('coreProblemBlockEndsBeforeStart'),
  ),
);

export const SkipSchema = v.object(
  {
    windowId: v.pipe(
      v.string(problem('coreProblemNoWindowFor')),
      v.minLength(1, problem('coreProblemNoWindowFor')),
    ),
    date: v.pipe(
      v.string(unreadable('coreWhatDate')),
      v.check((date: string) => isDateKey(date), unreadable('coreWhatDate')),
    ),
  },
  itemMessage({ windowId: 'coreProblemNoWindow', date: 'coreProblemNoDate' }),
);

/** A work site Hearth quiets. Only the shape is checked here; patterns get their own rules later. */
export const WorkSiteSchema = v.object(
  {
    id: IdSchema,
    pattern: v.pipe(
      v.string(unreadable('coreWhatAddress')),
      v.minLength(1, problem('coreProblemEmptyAddress')),
      v.maxLength(253, problem('coreProblemAddressTooLong')),
    ),
    mode: v.picklist(SITE_MODES, withValue('coreProblemUnknownMode', 'coreProblemUnknownModeValue')),
  },
  itemMessage({ id: 'coreProblemNoId', pattern: 'coreProblemNoAddress', mode: 'coreProblemNoMode' }),
);

const hasUniqueIds = <T extends { id: string }>(items: T[]): boolean =>
  new Set(items.map((item) => item.id)).size === items.length;

export const ScheduleSchema = v.object({
  windows: v.pipe(v.array(WindowSchema), v.check(hasUniqueIds, problem('coreWindowsShareId'))),
  blocks: v.pipe(v.array(BlockSchema), v.check(hasUniqueIds, problem('coreBlocksShareId'))),
  skips: v.array(SkipSchema),
}) satisfies v.GenericSchema<unknown, Schedule>;

const preferenceEntries = {
  headsUp: v.boolean(),
  headsUpMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
  handoff: v.boolean(),
  dimWayThroughMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120)),
};

export const PreferencesSchema = v.object(preferenceEntries);

export const SettingsSchema = v.object({
  version: v.literal(CURRENT_VERSION),
  schedule: ScheduleSchema,
  sites: v.pipe(v.array(WorkSiteSchema), v.check(hasUniqueIds, problem('coreSitesShareId'))),
  preferences: PreferencesSchema,
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type WorkSite = v.InferOutput<typeof WorkSiteSchema>;
export type SiteMode = WorkSite['mode'];
export type Preferences = v.InferOutput<typeof PreferencesSchema>;

// Compile-time check, both ways: the stored schedule is exactly the core Schedule.
// (`satisfies` above checks one direction; this catches a field or kind added to
// types.ts that the schema does not know yet.)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const scheduleMatchesCore: Same<Settings['schedule'], Schedule> = true;
void scheduleMatchesCore;

// ---------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------

export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A default window's name in the parent's language, once an edge has given `say` the
 * browser's messages; English before that (the frozen DEFAULT_SETTINGS is built at import).
 */
const defaultLabel = (said: () => string, english: string): string => (sayHasMessages() ? said() : english);

function buildDefaults(): Settings {
  return {
    version: CURRENT_VERSION,
    schedule: {
      windows: [
        {
          id: 'dinner',
          label: defaultLabel(() => say('onboardingDinner'), 'Dinner'),
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
          label: defaultLabel(() => say('onboardingBedtime'), 'Bedtime routine'),
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
          label: defaultLabel(() => say('onboardingWeekendLabel'), 'Weekend'),
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
  };
}

function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}

/** The defaults, frozen. Use `defaultSettings()` for a copy you can change. */
export const DEFAULT_SETTINGS: DeepReadonly<Settings> = deepFreeze(buildDefaults());

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return buildDefaults();
}

/** One of the default windows, fresh (the first-run page offers them as suggestions). */
export function defaultWindow(id: 'dinner' | 'bedtime' | 'weekend'): BoundaryWindow {
  return buildDefaults().schedule.windows.find((w) => w.id === id)!;
}

// ---------------------------------------------------------------------------
// Migrations
// ---------------------------------------------------------------------------

type Data = Record<string, unknown>;

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 1, the first draft:
 *   { version?: 1, windows: [{ id, label, kind, days, start, end }], headsUp?: boolean }
 * Overnight was implied by end <= start, and "00:00"–"00:00" meant a whole day (24 h);
 * both are endDayOffset 1 now. No paused flag, blocks, skips, sites or preferences object.
 *
 * Steps take whatever was stored and never throw: an item they cannot make sense of is
 * passed along unchanged, so the validation that follows can name it.
 */
function v1ToV2(data: Data): Data {
  const windows = Array.isArray(data.windows)
    ? data.windows.map((w: unknown) => {
        if (!isRecord(w)) return w;
        const overnight = isWallTime(w.start) && isWallTime(w.end) && w.end <= w.start;
        return { ...w, endDayOffset: overnight ? 1 : 0, paused: false };
      })
    : null;
  const preferences: Data = { ...buildDefaults().preferences };
  if (data.headsUp !== undefined) preferences.headsUp = data.headsUp;
  return {
    version: 2,
    // No readable window list at all: leave the schedule out, so the read falls back to
    // the usual windows and says so.
    schedule: windows === null ? undefined : { windows, blocks: [], skips: [] },
    sites: [],
    preferences,
  };
}

/**
 * MIGRATIONS[n] brings data from version n to n + 1. To add version 3: write
 * `v2ToV3`, add `2: v2ToV3` here, set CURRENT_VERSION to 3, and the schema follows.
 */
const MIGRATIONS: Readonly<Record<number, (data: Data) => Data>> = {
  1: v1ToV2,
};

export type MigrateResult =
  | {
      ok: true;
      /** Shaped like the current version, not yet validated. */
      data: Data;
      /** The version the data was stored as. */
      from: number;
      /** Plain sentences about anything guessed along the way (usually none). */
      problems: string[];
    }
  | {
      ok: false;
      /** True when the data comes from a newer Hearth: leave it in storage untouched. */
      newer: boolean;
      problem: string;
    };

const UNREADABLE = () => say('coreSettingsUnreadable');
const NEWER = () => say('coreSettingsNewer');

/** Brings stored data up to the current version's shape, one small step at a time. */
export function migrate(raw: unknown): MigrateResult {
  if (!isRecord(raw)) return { ok: false, newer: false, problem: UNREADABLE() };
  const problems: string[] = [];
  let from: number;
  if (raw.version === undefined) {
    from = 1; // the first draft had no version field
  } else if (typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 1) {
    from = raw.version;
  } else {
    problems.push(say('coreSettingsVersionUnclear'));
    from = 'schedule' in raw ? CURRENT_VERSION : 1;
  }
  if (from > CURRENT_VERSION) return { ok: false, newer: true, problem: NEWER() };

  let data: Data = raw;
  for (let version = from; version < CURRENT_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step === undefined) return { ok: false, newer: false, problem: UNREADABLE() };
    data = step(data);
  }
  return { ok: true, data, from, problems };
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

export interface ParseResult {
  /** Always valid for SettingsSchema. */
  settings: Settings;
  /** One plain sentence per thing set aside or reset; empty when intact. */
  problems: string[];
  /** True only when nothing was dropped or defaulted. */
  intact: boolean;
  /** The stored version when it was older than current (save the result back); else null. */
  migratedFrom: number | null;
  /** The data came from a newer Hearth: `settings` are the defaults, and storage is best left as it is. */
  fromNewerVersion: boolean;
}

/**
 * Validates stored settings on every read. Never throws. `undefined` (first run) gives
 * the defaults, intact. Otherwise: migrate, strict parse; if that does not pass, keep
 * every valid item and preference and name each thing set aside.
 */
export function parseSettings(raw: unknown): ParseResult {
  const fallback = (problem: string, fromNewerVersion = false): ParseResult => ({
    settings: buildDefaults(),
    problems: [problem],
    intact: false,
    migratedFrom: null,
    fromNewerVersion,
  });
  if (raw === undefined) {
    return {
      settings: buildDefaults(),
      problems: [],
      intact: true,
      migratedFrom: null,
      fromNewerVersion: false,
    };
  }
  try {
    const migrated = migrate(raw);
    if (!migrated.ok) return fallback(migrated.problem, migrated.newer);
    const migratedFrom = migrated.from < CURRENT_VERSION ? migrated.from : null;

    const strict = v.safeParse(SettingsSchema, migrated.data);
    if (strict.success) {
      const problems = migrated.problems;
      return {
        settings: strict.output,
        problems,
        intact: problems.length === 0,
        migratedFrom,
        fromNewerVersion: false,
      };
    }

    const salvaged = salvage(migrated.data);
    const problems = [...migrated.problems, ...salvaged.problems];
    // The strict parse did not pass, so something was changed even if no rule above
    // found words for it.
    if (problems.length === 0) {
      problems.push(say('coreSettingsTidied'));
    }
    const checked = v.safeParse(SettingsSchema, salvaged.settings);
    if (!checked.success) return fallback(UNREADABLE());
    return {
      settings: checked.output,
      problems,
      intact: false,
      migratedFrom,
      fromNewerVersion: false,
    };
  } catch {
    // Only reachable with exotic stored values (a throwing getter, say).
    return fallback(UNREADABLE());
  }
}

// ---------------------------------------------------------------------------
// Salvage: keep every valid part, name every part set aside.
// ---------------------------------------------------------------------------

/** How an item starts a sentence: by its name, or by its place in the list (or file). */
export interface Subject {
  named: (name: string) => string;
  numbered: (ordinal: string) => string;
}

const WINDOW: Subject = {
  named: (name) => say('coreWindowNamed', [name]),
  numbered: (ordinal) => say('coreSettingsWindowNumbered', [ordinal]),
};
const BLOCK: Subject = {
  named: (name) => say('coreBlockNamed', [name]),
  numbered: (ordinal) => say('coreSettingsBlockNumbered', [ordinal]),
};
const SITE: Subject = {
  named: (name) => say('coreSiteNamed', [name]),
  numbered: (ordinal) => say('coreSettingsSiteNumbered', [ordinal]),
};

/** `The window "Dinner"`, or `The 3rd window in your list` when it has no usable name. */
export function subject(noun: Subject, name: unknown, position: number): string {
  const label = typeof name === 'string' ? name.trim() : '';
  return label !== '' ? noun.named(clip(label)) : noun.numbered(sayOrdinal(position));
}

function field(item: unknown, key: string): unknown {
  return isRecord(item) ? item[key] : undefined;
}

function salvageList<T>(
  raw: unknown,
  schema: v.GenericSchema<unknown, T>,
  unreadableList: () => string,
  describe: (item: unknown, position: number) => string,
  problems: string[],
  idOf?: (item: T) => string,
): T[] {
  if (!Array.isArray(raw)) {
    problems.push(unreadableList());
    return [];
  }
  const kept: T[] = [];
  const seen = new Set<string>();
  // A plain loop, not forEach: a hole in the array is an item too.
  for (let index = 0; index < raw.length; index++) {
    const item: unknown = raw[index];
    const result = v.safeParse(schema, item);
    if (!result.success) {
      const what = result.issues[0]?.message ?? say('coreProblemUnreadable');
      problems.push(say('coreSettingsItemSetAside', [describe(item, index + 1), what]));
      continue;
    }
    if (idOf !== undefined) {
      const id = idOf(result.output);
      if (seen.has(id)) {
        problems.push(say('coreSettingsItemDuplicate', [describe(item, index + 1)]));
        continue;
      }
      seen.add(id);
    }
    kept.push(result.output);
  }
  return kept;
}

type Window = Schedule['windows'][number];

function salvageSchedule(raw: unknown, problems: string[]): Schedule {
  const usable =
    isRecord(raw) &&
    (Array.isArray(raw.windows) || Array.isArray(raw.blocks) || Array.isArray(raw.skips));
  if (!usable) {
    problems.push(say('coreSettingsScheduleUnreadable'));
    return buildDefaults().schedule;
  }
  const windows = salvageList<Window>(
    raw.windows,
    WindowSchema,
    () => say('coreSettingsNoWindows'),
    (item, n) => subject(WINDOW, field(item, 'label'), n),
    problems,
    (w) => w.id,
  );
  const blocks = salvageList(
    raw.blocks,
    BlockSchema,
    () => say('coreSettingsNoBlocks'),
    (item, n) => subject(BLOCK, field(item, 'label'), n),
    problems,
    (b) => b.id,
  );
  const labels = new Map(windows.map((w) => [w.id, w.label]));
  const skips = salvageList(
    raw.skips,
    SkipSchema,
    () => say('coreSettingsNoSkips'),
    (item, n) => {
      const windowId = field(item, 'windowId');
      const label = typeof windowId === 'string' ? labels.get(windowId) : undefined;
      return label !== undefined
        ? say('coreSkipNamed', [clip(label)])
        : say('coreSettingsSkipNumbered', [sayOrdinal(n)]);
    },
    problems,
  );
  return { windows, blocks, skips };
}

const PREFERENCE_NAMES: Record<keyof Preferences, string> = {
  headsUp: 'coreSettingsPrefHeadsUp',
  headsUpMinutes: 'coreSettingsPrefHeadsUpMinutes',
  handoff: 'coreSettingsPrefHandoff',
  dimWayThroughMinutes: 'coreSettingsPrefWayThrough',
};

function showPreference(value: boolean | number): string {
  return typeof value === 'boolean' ? say(value ? 'coreOn' : 'coreOff') : say('coreMinutes', [String(value)]);
}

function salvagePreferences(raw: unknown, problems: string[]): Preferences {
  const usual = buildDefaults().preferences;
  if (!isRecord(raw)) {
    problems.push(say('coreSettingsPreferencesUnreadable'));
    return usual;
  }
  const pick = <K extends keyof Preferences>(key: K): Preferences[K] => {
    const name = say(PREFERENCE_NAMES[key]);
    const fallback = showPreference(usual[key]);
    if (!(key in raw)) {
      problems.push(say('coreSettingsPrefMissing', [name, fallback]));
      return usual[key];
    }
    const result = v.safeParse(preferenceEntries[key], raw[key]);
    if (result.success) return result.output as Preferences[K];
    const value = shown(raw[key]);
    problems.push(
      value
        ? say('coreSettingsPrefUnreadableValue', [name, value, fallback])
        : say('coreSettingsPrefUnreadable', [name, fallback]),
    );
    return usual[key];
  };
  return {
    headsUp: pick('headsUp'),
    headsUpMinutes: pick('headsUpMinutes'),
    handoff: pick('handoff'),
    dimWayThroughMinutes: pick('dimWayThroughMinutes'),
  };
}

function salvage(data: Data): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const schedule = salvageSchedule(data.schedule, problems);
  const sites = salvageList(
    data.sites,
    WorkSiteSchema,
    () => say('coreSettingsNoSites'),
    (item, n) => subject(SITE, field(item, 'pattern'), n),
    problems,
    (s) => s.id,
  );
  const preferences = salvagePreferences(data.preferences, problems);
  return { settings: { version: CURRENT_VERSION, schedule, sites, preferences }, problems };
}

// ---------------------------------------------------------------------------
// Helpers for the UI and the background
// ---------------------------------------------------------------------------

/** A fresh id such as "block-1b9d6bcd-…". */
export function newId(prefix: string): string {
  const uuid = crypto.randomUUID();
  return prefix === '' ? uuid : `${prefix}-${uuid}`;
}

/**
 * Drops "not tonight" skips dated more than 2 days before `todayKey` ("YYYY-MM-DD"):
 * a skip for today, yesterday or the day before is kept (an overnight or weekend
 * occurrence may still be running). Pure: returns the same object when nothing is
 * dropped, or when `todayKey` is not a real date.
 */
export function pruneSkips(settings: Settings, todayKey: string): Settings {
  const today = dateFromKey(todayKey);
  if (today === null) return settings;
  today.setUTCDate(today.getUTCDate() - 2);
  const cutoff = keyFromDate(today);
  const skips = settings.schedule.skips.filter((skip) => skip.date >= cutoff);
  if (skips.length === settings.schedule.skips.length) return settings;
  return { ...settings, schedule: { ...settings.schedule, skips } };
}
