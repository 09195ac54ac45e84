// Bringing stored settings (or a file's) from an older format to today's shape, one
// small versioned step at a time. The steps keep everything they can and never check:
// validation follows (read.ts), so it can name what a step could not make sense of.

import { isRecord, type Data } from '../record';
import { say } from '../say';
import { isWallTime } from '../wallclock';
import { DEFAULT_WEEKLY_CHOICE } from '../weeklyShape';
import { defaultSettings } from './defaults';
import { CURRENT_VERSION } from './schema';

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
  const preferences: Data = { ...defaultSettings().preferences };
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
 * Version 3 adds let-through rules, none until the parent writes one, and the children's
 * age ranges, none until the parent gives them. (It also knows a window kind more,
 * 'connection', which no version 2 window has.)
 */
function v2ToV3(data: Data): Data {
  return { ...data, version: 3, letThrough: [], childAges: [] };
}

/**
 * Version 4 adds the weekly choice: asked on Sunday evenings until the parent changes
 * that, and no moments chosen yet. Everything else is kept as it was.
 */
function v3ToV4(data: Data): Data {
  return { ...data, version: 4, weeklyChoice: { ...DEFAULT_WEEKLY_CHOICE }, chosen: null };
}

/**
 * MIGRATIONS[n] brings data from version n to n + 1. To add version 5: write
 * `v4ToV5`, add `4: v4ToV5` here, set CURRENT_VERSION (schema.ts) to 5, and change
 * the schema to match.
 */
const MIGRATIONS: Readonly<Record<number, (data: Data) => Data>> = {
  1: v1ToV2,
  2: v2ToV3,
  3: v3ToV4,
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
