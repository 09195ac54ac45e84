// Everything Hearth stores as settings: the schema (valibot), the defaults a parent
// recognises on day one, migrations from older formats, and a forgiving read that
// keeps every usable part and says plainly what it set aside. Pure: no browser API.

import * as v from 'valibot';
import type { Schedule, Weekday, WindowKind } from './types';

export const CURRENT_VERSION = 2;

// ---------------------------------------------------------------------------
// Small value checks (also handy for forms)
// ---------------------------------------------------------------------------

const WALL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The largest epoch-ms value a Date can hold. */
const MAX_TIME = 8.64e15;

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

function clip(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** A stored value as it may be shown back to the parent, or '' when it can't be shown. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `"${clip(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function words(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}

/** "has an end time "25:00" Hearth can't read" */
const unreadable =
  (what: string): Message =>
  (issue) =>
    words('has', what, shown(issue.input), "Hearth can't read");

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
      if (what !== undefined) return `has ${what}`;
    }
    return "couldn't be read";
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

const IdSchema = v.pipe(v.string(unreadable('an id')), v.minLength(1, 'has an empty id'));

/** Trimmed, 1–60 characters. */
const LabelSchema = v.pipe(
  v.string(unreadable('a name')),
  v.trim(),
  v.minLength(1, 'has an empty name'),
  v.maxLength(60, 'has a name longer than 60 characters'),
);

const wallTime = (what: string) =>
  v.pipe(v.string(unreadable(what)), v.regex(WALL_TIME, unreadable(what)));

const instant = (what: string) =>
  v.pipe(
    v.number(unreadable(what)),
    v.integer(unreadable(what)),
    v.minValue(0, unreadable(what)),
    v.maxValue(MAX_TIME, unreadable(what)),
  );

const DaysSchema = v.pipe(
  v.array(
    v.picklist(WEEKDAYS, (issue) => words('lists a day', shown(issue.input), "Hearth can't read")),
    unreadable('days'),
  ),
  v.minLength(1, "isn't set for any day"),
  v.check((days) => new Set(days).size === days.length, 'lists the same day more than once'),
);

export const WindowSchema = v.pipe(
  v.object(
    {
      id: IdSchema,
      label: LabelSchema,
      kind: v.picklist(WINDOW_KINDS, (issue) =>
        words('has a kind', shown(issue.input), "Hearth doesn't know"),
      ),
      days: DaysSchema,
      start: wallTime('a start time'),
      end: wallTime('an end time'),
      /** 0 = ends the same day, 1 = the next day, … 7 = a week later. */
      endDayOffset: v.pipe(
        v.number(unreadable('an end day')),
        v.integer(unreadable('an end day')),
        v.minValue(0, unreadable('an end day')),
        v.maxValue(7, 'ends more than a week after it starts'),
      ),
      paused: v.boolean(unreadable('a paused setting')),
    },
    itemMessage({
      id: 'no id',
      label: 'no name',
      kind: 'no kind',
      days: 'no days',
      start: 'no start time',
      end: 'no end time',
      endDayOffset: 'no end day',
      paused: 'no paused setting',
    }),
  ),
  v.check(
    (w) => w.endDayOffset !== 0 || w.end > w.start,
    (issue) => {
      const w = issue.input;
      return w.end === w.start
        ? `starts and ends at ${w.start} on the same day`
        : `ends at ${w.end}, before it starts at ${w.start}`;
    },
  ),
  // An occurrence lasts at most a week, so it never overlaps the next one.
  v.check((w) => w.endDayOffset < 7 || w.end <= w.start, 'runs longer than a week'),
);

export const BlockSchema = v.pipe(
  v.object(
    {
      id: IdSchema,
      label: LabelSchema,
      start: instant('a start time'),
      end: instant('an end time'),
    },
    itemMessage({ id: 'no id', label: 'no name', start: 'no start time', end: 'no end time' }),
  ),
  v.check(
    (b) => b.end > b.start,
    (issue) =>
      issue.input.end === issue.input.start ? 'ends the moment it starts' : 'ends before it starts',
  ),
);

export const SkipSchema = v.object(
  {
    windowId: v.pipe(
      v.string("doesn't say which window it's for"),
      v.minLength(1, "doesn't say which window it's for"),
    ),
    date: v.pipe(v.string(unreadable('a date')), v.check((date: string) => isDateKey(date), unreadable('a date'))),
  },
  itemMessage({ windowId: "no window it's for", date: 'no date' }),
);

/** A work site Hearth quiets. Only the shape is checked here; patterns get their own rules later. */
export const WorkSiteSchema = v.object(
  {
    id: IdSchema,
    pattern: v.pipe(
      v.string(unreadable('an address')),
      v.minLength(1, 'has an empty address'),
      v.maxLength(253, 'has an address longer than 253 characters'),
    ),
    mode: v.picklist(SITE_MODES, (issue) =>
      words('has a mode', shown(issue.input), "Hearth doesn't know"),
    ),
  },
  itemMessage({ id: 'no id', pattern: 'no address', mode: 'no mode' }),
);

const hasUniqueIds = <T extends { id: string }>(items: T[]): boolean =>
  new Set(items.map((item) => item.id)).size === items.length;

export const ScheduleSchema = v.object({
  windows: v.pipe(v.array(WindowSchema), v.check(hasUniqueIds, 'Two windows share an id.')),
  blocks: v.pipe(v.array(BlockSchema), v.check(hasUniqueIds, 'Two blocks share an id.')),
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
  sites: v.pipe(v.array(WorkSiteSchema), v.check(hasUniqueIds, 'Two sites share an id.')),
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

function buildDefaults(): Settings {
  return {
    version: CURRENT_VERSION,
    schedule: {
      windows: [
        {
          id: 'dinner',
          label: 'Dinner',
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
          label: 'Bedtime routine',
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
          label: 'Weekend',
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

const UNREADABLE = "Hearth couldn't read its saved settings, so it's starting from the usual ones.";
const NEWER =
  'These settings come from a newer version of Hearth, so this one is using its usual settings for now and leaving yours untouched.';

/** Brings stored data up to the current version's shape, one small step at a time. */
export function migrate(raw: unknown): MigrateResult {
  if (!isRecord(raw)) return { ok: false, newer: false, problem: UNREADABLE };
  const problems: string[] = [];
  let from: number;
  if (raw.version === undefined) {
    from = 1; // the first draft had no version field
  } else if (typeof raw.version === 'number' && Number.isInteger(raw.version) && raw.version >= 1) {
    from = raw.version;
  } else {
    problems.push(
      "Hearth couldn't tell which version saved these settings, so it read them as best it could.",
    );
    from = 'schedule' in raw ? CURRENT_VERSION : 1;
  }
  if (from > CURRENT_VERSION) return { ok: false, newer: true, problem: NEWER };

  let data: Data = raw;
  for (let version = from; version < CURRENT_VERSION; version++) {
    const step = MIGRATIONS[version];
    if (step === undefined) return { ok: false, newer: false, problem: UNREADABLE };
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
      problems.push('Some of your saved settings couldn\'t be read, so Hearth tidied them up.');
    }
    const checked = v.safeParse(SettingsSchema, salvaged.settings);
    if (!checked.success) return fallback(UNREADABLE);
    return {
      settings: checked.output,
      problems,
      intact: false,
      migratedFrom,
      fromNewerVersion: false,
    };
  } catch {
    // Only reachable with exotic stored values (a throwing getter, say).
    return fallback(UNREADABLE);
  }
}

// ---------------------------------------------------------------------------
// Salvage: keep every valid part, name every part set aside.
// ---------------------------------------------------------------------------

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

function ordinal(n: number): string {
  const word = ORDINAL_WORDS[n - 1];
  if (word !== undefined) return word;
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** `The window "Dinner"`, or `The 3rd window in your list` when it has no usable name. */
function subject(noun: string, name: unknown, position: number): string {
  const label = typeof name === 'string' ? name.trim() : '';
  return label !== '' ? `The ${noun} "${clip(label)}"` : `The ${ordinal(position)} ${noun} in your list`;
}

function field(item: unknown, key: string): unknown {
  return isRecord(item) ? item[key] : undefined;
}

function salvageList<T>(
  raw: unknown,
  schema: v.GenericSchema<unknown, T>,
  listName: string,
  describe: (item: unknown, position: number) => string,
  problems: string[],
  idOf?: (item: T) => string,
): T[] {
  if (!Array.isArray(raw)) {
    problems.push(`Hearth couldn't read your list of ${listName}, so it's empty for now.`);
    return [];
  }
  const kept: T[] = [];
  const seen = new Set<string>();
  // A plain loop, not forEach: a hole in the array is an item too.
  for (let index = 0; index < raw.length; index++) {
    const item: unknown = raw[index];
    const result = v.safeParse(schema, item);
    if (!result.success) {
      const what = result.issues[0]?.message ?? "couldn't be read";
      problems.push(`${describe(item, index + 1)} ${what}, so it was set aside.`);
      continue;
    }
    if (idOf !== undefined) {
      const id = idOf(result.output);
      if (seen.has(id)) {
        problems.push(
          `${describe(item, index + 1)} has the same id as one earlier in the list, so it was set aside.`,
        );
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
    problems.push(
      "Hearth couldn't read your schedule, so it's back to the usual windows: dinner, bedtime and the weekend.",
    );
    return buildDefaults().schedule;
  }
  const windows = salvageList<Window>(
    raw.windows,
    WindowSchema,
    'windows',
    (item, n) => subject('window', field(item, 'label'), n),
    problems,
    (w) => w.id,
  );
  const blocks = salvageList(
    raw.blocks,
    BlockSchema,
    'one-off blocks',
    (item, n) => subject('one-off block', field(item, 'label'), n),
    problems,
    (b) => b.id,
  );
  const labels = new Map(windows.map((w) => [w.id, w.label]));
  const skips = salvageList(
    raw.skips,
    SkipSchema,
    '"not tonight" skips',
    (item, n) => {
      const windowId = field(item, 'windowId');
      const label = typeof windowId === 'string' ? labels.get(windowId) : undefined;
      return label !== undefined
        ? `The "not tonight" for "${clip(label)}"`
        : `The ${ordinal(n)} "not tonight" in your list`;
    },
    problems,
  );
  return { windows, blocks, skips };
}

const PREFERENCE_NAMES: Record<keyof Preferences, string> = {
  headsUp: 'heads-up',
  headsUpMinutes: 'heads-up time',
  handoff: 'hand-off',
  dimWayThroughMinutes: 'way-through time for dimmed sites',
};

function showPreference(value: boolean | number): string {
  return typeof value === 'boolean' ? (value ? 'on' : 'off') : `${value} minutes`;
}

function salvagePreferences(raw: unknown, problems: string[]): Preferences {
  const usual = buildDefaults().preferences;
  if (!isRecord(raw)) {
    problems.push("Hearth couldn't read your preferences, so they're back to the usual ones.");
    return usual;
  }
  const pick = <K extends keyof Preferences>(key: K): Preferences[K] => {
    const name = PREFERENCE_NAMES[key];
    const fallback = `the usual ${showPreference(usual[key])}`;
    if (!(key in raw)) {
      problems.push(`Your ${name} setting was missing, so it's set to ${fallback}.`);
      return usual[key];
    }
    const result = v.safeParse(preferenceEntries[key], raw[key]);
    if (result.success) return result.output as Preferences[K];
    problems.push(
      `Hearth couldn't read your ${name} setting${shown(raw[key]) ? ` (${shown(raw[key])})` : ''}, so it's back to ${fallback}.`,
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
    'work sites',
    (item, n) => subject('site', field(item, 'pattern'), n),
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
