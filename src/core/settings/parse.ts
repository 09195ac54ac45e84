// Reading stored settings (storage.local, and sync's copy) on every read: migrate, then
// check (read.ts), forgiving. Every usable part is kept, and each part set aside or reset
// is named in one plain sentence, in the words below. Pure: no browser API.

import * as v from 'valibot';
import { isRecord } from '../record';
import { say } from '../say';
import { defaultSettings } from './defaults';
import { migrate } from './migrate';
import { readSettings, type Voice } from './read';
import { CURRENT_VERSION, SettingsSchema, type Preferences, type Settings } from './schema';
import { shown, subjectKeys } from './wording';

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
  const result = (
    settings: Settings,
    problems: string[],
    migratedFrom: number | null = null,
    fromNewerVersion = false,
  ): ParseResult => ({ settings, problems, intact: problems.length === 0, migratedFrom, fromNewerVersion });
  const unreadable = () => result(defaultSettings(), [say('coreSettingsUnreadable')]);
  if (raw === undefined) return result(defaultSettings(), []);
  try {
    const migrated = migrate(raw);
    if (!migrated.ok) return result(defaultSettings(), [migrated.problem], null, migrated.newer);
    const migratedFrom = migrated.from < CURRENT_VERSION ? migrated.from : null;

    const strict = v.safeParse(SettingsSchema, migrated.data);
    if (strict.success) return result(strict.output, migrated.problems, migratedFrom);

    const problems = [...migrated.problems];
    const salvaged = readSettings(migrated.data, STORED, (sentence) => problems.push(sentence));
    // The strict parse did not pass, so something was changed even if no rule above
    // found words for it.
    if (problems.length === 0) problems.push(say('coreSettingsTidied'));
    const checked = v.safeParse(SettingsSchema, salvaged);
    return checked.success ? result(checked.output, problems, migratedFrom) : unreadable();
  } catch {
    // Only reachable with exotic stored values (a throwing getter, say).
    return unreadable();
  }
}

// ---------------------------------------------------------------------------
// The words for stored settings: "…in your list…, so it was set aside."
// ---------------------------------------------------------------------------

const WINDOW = subjectKeys('coreWindowNamed', 'coreSettingsWindowNumbered');
const BLOCK = subjectKeys('coreBlockNamed', 'coreSettingsBlockNumbered');
const SKIP = subjectKeys('coreSkipNamed', 'coreSettingsSkipNumbered');
const SITE = subjectKeys('coreSiteNamed', 'coreSettingsSiteNumbered');
const LET_THROUGH = subjectKeys('coreLetThroughNamed', 'coreSettingsLetThroughNumbered');

/** The same sentence for any list: the first of an id is kept. */
const duplicate = (_earlier: unknown, _later: unknown, laterSubject: string) =>
  say('coreSettingsItemDuplicate', [laterSubject]);

const PREFERENCE_NAMES: Record<keyof Preferences, string> = {
  headsUp: 'coreSettingsPrefHeadsUp',
  headsUpMinutes: 'coreSettingsPrefHeadsUpMinutes',
  handoff: 'coreSettingsPrefHandoff',
  dimWayThroughMinutes: 'coreSettingsPrefWayThrough',
};

/** A preference's name, and its usual value in words ("on", "10 minutes"). */
function preference(key: keyof Preferences): [name: string, usual: string] {
  const usual = defaultSettings().preferences[key];
  const said = typeof usual === 'boolean' ? say(usual ? 'coreOn' : 'coreOff') : say('coreMinutes', [String(usual)]);
  return [say(PREFERENCE_NAMES[key]), said];
}

/** The stored settings' words: "…in your list…, so it was set aside." */
export const STORED: Voice = {
  windows: { noun: WINDOW, notList: () => say('coreSettingsNoWindows'), duplicate },
  blocks: { noun: BLOCK, notList: () => say('coreSettingsNoBlocks'), duplicate },
  skips: { noun: SKIP, notList: () => say('coreSettingsNoSkips') },
  sites: { noun: SITE, notList: () => say('coreSettingsNoSites'), duplicate },
  letThrough: { noun: LET_THROUGH, notList: () => say('coreSettingsNoLetThrough'), duplicate },
  setAside: (subject, what) => say('coreSettingsItemSetAside', [subject, what]),
  // A schedule holding none of its lists is no schedule: the usual windows come back.
  unreadableSchedule: (raw) =>
    isRecord(raw) && (Array.isArray(raw.windows) || Array.isArray(raw.blocks) || Array.isArray(raw.skips))
      ? null
      : say('coreSettingsScheduleUnreadable'),
  unreadablePreferences: (raw) => (isRecord(raw) ? null : say('coreSettingsPreferencesUnreadable')),
  preferenceMissing: (key) => {
    const [name, usual] = preference(key);
    return say('coreSettingsPrefMissing', [name, usual]);
  },
  preferenceUnreadable: (key, value) => {
    const [name, usual] = preference(key);
    const stored = shown(value);
    return stored
      ? say('coreSettingsPrefUnreadableValue', [name, stored, usual])
      : say('coreSettingsPrefUnreadable', [name, usual]);
  },
};
