// What Hearth stores as settings, as valibot schemas: the one description of a valid
// window, block, skip, work site and preference. Stored settings, sync and imported
// files are all checked against these (read.ts); the types below come from them.
// Over 250 lines: one schema for everything stored, read as a whole; each part is a few lines.

import * as v from 'valibot';
import { say } from '../say';
import type { Schedule, Weekday, WindowKind } from '../types';
import { isDateKey, isWallTime } from '../wallclock';
import { LET_THROUGH_LIMITS } from '../letThrough';
import { NAME_MAX } from '../limits';
import { AGE_RANGES } from '../prompts';
import { MAX_CHOSEN, type Chosen, type WeeklyChoice } from '../weeklyShape';
import { itemMessage, problem, unreadable, withValue } from './wording';

export const CURRENT_VERSION = 4;

/**
 * The latest instant a one-off block may name: 1 January 9999, UTC. The calendar code
 * names days "YYYY-MM-DD", with four-digit years; the year to spare covers every time
 * zone and the days it looks ahead (a block ending at the year 275760, a Date's limit,
 * stopped every reconcile).
 */
export const LAST_INSTANT = Date.UTC(9999, 0, 1);

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const satisfies readonly Weekday[];
const WINDOW_KINDS = [
  'dinner',
  'bedtime',
  'weekend',
  'school-run',
  'connection',
  'custom',
] as const satisfies readonly WindowKind[];
export const SITE_MODES = ['quiet', 'dim', 'set-aside'] as const;

const IdSchema = v.pipe(v.string(unreadable('coreWhatId')), v.minLength(1, problem('coreProblemEmptyId')));

/** Trimmed, 1–60 characters. */
const LabelSchema = v.pipe(
  v.string(unreadable('coreWhatName')),
  v.trim(),
  v.minLength(1, problem('coreProblemEmptyName')),
  v.maxLength(NAME_MAX, problem('coreProblemNameTooLong')),
);

const wallTime = (what: string) =>
  v.pipe(v.string(unreadable(what)), v.check((time: string) => isWallTime(time), unreadable(what)));

const dateKey = (what: string) =>
  v.pipe(v.string(unreadable(what)), v.check((date: string) => isDateKey(date), unreadable(what)));

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
    date: dateKey('coreWhatDate'),
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
    /** What the parent calls it, when not a preset's name: its own title when added, or theirs. */
    name: v.optional(LabelSchema),
    /** Tuck its tabs away during family time (a tab group on Chromium, hidden on Firefox). Left out: no. */
    tuck: v.optional(v.boolean(unreadable('coreWhatTuck'))),
  },
  itemMessage({ id: 'coreProblemNoId', pattern: 'coreProblemNoAddress', mode: 'coreProblemNoMode' }),
);

/** A name or word that may always come through ("School office"), for every work site or one. */
export const LetThroughSchema = v.object(
  {
    id: IdSchema,
    text: v.pipe(
      v.string(unreadable('coreWhatWords')),
      v.trim(),
      v.minLength(1, problem('coreProblemEmptyWords')),
      v.maxLength(LET_THROUGH_LIMITS.textLength, problem('coreProblemWordsTooLong')),
    ),
    siteId: v.optional(IdSchema),
  },
  itemMessage({ id: 'coreProblemNoId', text: 'coreProblemNoWords' }),
);

/** Each known age range at most once; empty: not given. */
export const ChildAgesSchema = v.pipe(
  v.array(v.picklist(AGE_RANGES)),
  v.check((ages) => new Set(ages).size === ages.length),
);

const hasUniqueIds = <T extends { id: string }>(items: T[]): boolean =>
  new Set(items.map((item) => item.id)).size === items.length;

export const ScheduleSchema = v.object({
  windows: v.pipe(v.array(WindowSchema), v.check(hasUniqueIds, problem('coreWindowsShareId'))),
  blocks: v.pipe(v.array(BlockSchema), v.check(hasUniqueIds, problem('coreBlocksShareId'))),
  skips: v.array(SkipSchema),
}) satisfies v.GenericSchema<unknown, Schedule>;

/** The preferences counted in minutes, and the whole minutes each allows. */
export const PREFERENCE_MINUTES = {
  headsUpMinutes: { min: 1, max: 60 },
  dimWayThroughMinutes: { min: 1, max: 120 },
} as const;

const minutes = ({ min, max }: { readonly min: number; readonly max: number }) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

export const PreferencesSchema = v.object({
  headsUp: v.boolean(),
  headsUpMinutes: minutes(PREFERENCE_MINUTES.headsUpMinutes),
  handoff: v.boolean(),
  dimWayThroughMinutes: minutes(PREFERENCE_MINUTES.dimWayThroughMinutes),
});

/** When the popup asks "What matters most this week?": a weekday and a time, or not at all. */
export const WeeklyChoiceSchema = v.object({
  on: v.boolean(),
  day: v.picklist(WEEKDAYS),
  time: wallTime('coreWhatStartTime'),
}) satisfies v.GenericSchema<unknown, WeeklyChoice>;

/** One chosen moment: a window's occurrence (by its start date) or a one-off block. */
const MomentRefSchema = v.union([v.object({ windowId: IdSchema, date: dateKey('coreWhatDate') }), v.object({ blockId: IdSchema })]);

/** This week's answer: the moments chosen (none: "Not this week"), or null before any. */
export const ChosenSchema = v.nullable(
  v.object({ week: dateKey('coreWhatDate'), moments: v.pipe(v.array(MomentRefSchema), v.maxLength(MAX_CHOSEN)) }),
) satisfies v.GenericSchema<unknown, Chosen | null>;

export const SettingsSchema = v.object({
  version: v.literal(CURRENT_VERSION),
  schedule: ScheduleSchema,
  sites: v.pipe(v.array(WorkSiteSchema), v.check(hasUniqueIds, problem('coreSitesShareId'))),
  preferences: PreferencesSchema,
  letThrough: v.pipe(
    v.array(LetThroughSchema),
    v.check(hasUniqueIds, problem('coreLetThroughShareId')),
    v.maxLength(LET_THROUGH_LIMITS.rules, problem('coreTooManyLetThrough')),
  ),
  /** The age ranges of the parent's children, if they have said: prompts then suit those ages. */
  childAges: ChildAgesSchema,
  /** Version 4: the weekly choice's day and time, and this week's answer (synced, so asked once). */
  weeklyChoice: WeeklyChoiceSchema,
  chosen: ChosenSchema,
  /** Preferences the parent set themselves: an organisation's defaults (core/policy.ts) don't replace these. */
  chosenPreferences: v.optional(v.array(v.picklist(['headsUp', 'headsUpMinutes', 'handoff', 'dimWayThroughMinutes']))),
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
