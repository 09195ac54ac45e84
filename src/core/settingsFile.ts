// The settings file a parent saves with "Export settings" and brings back with
// "Import settings": a small, versioned JSON document (see docs/settings-format.md).
//
// Reading stored settings salvages what it can; an import is all or nothing. A file
// with anything Hearth can't use is refused whole, with one plain sentence naming the
// first thing that's wrong, and the caller saves nothing. Pure: no browser API.

import * as v from 'valibot';
import {
  BlockSchema,
  CURRENT_VERSION,
  SkipSchema,
  WindowSchema,
  WorkSiteSchema,
  isDateKey,
  migrate,
  clip,
  parseSettings,
  shown,
  subject,
  type Preferences,
  type Settings,
  type Subject,
} from './settings';
import { say, sayOrdinal } from './say';
import { parseSitePattern } from './sites';
import { formatDateKey } from './wallclock';

export const SETTINGS_FILE_FORMAT = 'hearth-settings';
/** What "Export history" writes (src/background/reflection.ts): told apart to say so. */
const HISTORY_FILE_FORMAT = 'hearth-history';

/**
 * The largest file Hearth reads, in characters of text (the page checks bytes first).
 * A real settings file is a few kilobytes; this leaves room for hundreds of windows.
 */
export const MAX_FILE_SIZE = 1024 * 1024;

/** The document "Export settings" saves. History is not part of it. */
export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  /** The settings' own version (Settings['version']). */
  version: number;
  /** ISO 8601, UTC. Informational: import does not read it. */
  exportedAt: string;
  settings: Settings;
}

export type ParsedSettingsFile = { ok: true; settings: Settings } | { ok: false; error: string };

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

/** "hearth-settings-2025-03-14.json", dated by the computer's own calendar. */
export function settingsFileName(now: number): string {
  return `hearth-settings-${formatDateKey(now)}.json`;
}

/** The settings as a pretty-printed file, and the name to save it under. */
export function exportSettingsFile(settings: Settings, now: number): { json: string; fileName: string } {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: settings.version,
    exportedAt: new Date(now).toISOString(),
    settings,
  };
  return { json: `${JSON.stringify(file, null, 2)}\n`, fileName: settingsFileName(now) };
}

// ---------------------------------------------------------------------------
// Wording helpers
// ---------------------------------------------------------------------------

type Data = Record<string, unknown>;

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "a list", "a piece of text"… for a value that is not what was hoped for. */
function kindOf(value: unknown): string {
  if (value === null) return say('coreKindNull');
  if (Array.isArray(value)) return say('coreKindList');
  if (typeof value === 'string') return say('coreKindText');
  if (typeof value === 'number') return say('coreKindNumber');
  if (typeof value === 'boolean') return say('coreKindWord', [String(value)]);
  return say('coreKindUnknown');
}

/** "1.1 MB", "50 MB": rounded up, so a file just over the limit never reads as "1 MB". */
export function megabytes(size: number): string {
  const mb = size / (1024 * 1024);
  const rounded = mb < 10 ? Math.ceil(mb * 10) / 10 : Math.ceil(mb);
  return `${rounded} MB`;
}

const WINDOW: Subject = {
  named: (name) => say('coreWindowNamed', [name]),
  numbered: (ordinal) => say('coreFileWindowNumbered', [ordinal]),
};
const BLOCK: Subject = {
  named: (name) => say('coreBlockNamed', [name]),
  numbered: (ordinal) => say('coreFileBlockNumbered', [ordinal]),
};
const WORK_SITE: Subject = {
  named: (name) => say('coreFileWorkSiteNamed', [name]),
  numbered: (ordinal) => say('coreFileWorkSiteNumbered', [ordinal]),
};


// ---------------------------------------------------------------------------
// Finding where text stops being JSON
// ---------------------------------------------------------------------------

type JsonSnag =
  | { kind: 'end' }
  | { kind: 'trailing-comma'; index: number }
  | { kind: 'missing-comma'; index: number }
  | { kind: 'control'; index: number; char: string }
  | { kind: 'char'; index: number };

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPE = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/;

/**
 * The first place `text` stops being JSON, found by a small scanner (no recursion, so
 * deep nesting is fine). Only called after JSON.parse has said no: engines word their
 * own messages differently, and some give no position at all.
 */
function findJsonSnag(text: string): JsonSnag | null {
  const stack: ('[' | '{')[] = [];
  type Expect = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after';
  let expect: Expect = 'value';
  let lastComma = -1;
  let i = 0;
  const n = text.length;

  /** Moves past a string starting at `i`; returns a snag, or null when it closed. */
  const readString = (): JsonSnag | null => {
    let j = i + 1;
    for (;;) {
      if (j >= n) return { kind: 'end' };
      const c = text.charCodeAt(j);
      if (c === 0x22) {
        i = j + 1;
        return null;
      }
      if (c === 0x5c) {
        const escape = JSON_ESCAPE.exec(text.slice(j + 1, j + 6));
        if (!escape) return j + 1 >= n ? { kind: 'end' } : { kind: 'char', index: j };
        j += 1 + escape[0].length;
        continue;
      }
      if (c < 0x20) return { kind: 'control', index: j, char: text.charAt(j) };
      j++;
    }
  };

  for (;;) {
    while (i < n && ' \t\n\r'.includes(text.charAt(i))) i++;
    if (i >= n) return expect === 'after' && stack.length === 0 ? null : { kind: 'end' };
    const c = text.charAt(i);
    const top = stack.at(-1);

    if (expect === 'after') {
      if (top === undefined) return { kind: 'char', index: i }; // more after the whole document
      if (c === ',') {
        lastComma = i++;
        expect = top === '[' ? 'value' : 'key';
      } else if (c === (top === '[' ? ']' : '}')) {
        stack.pop();
        i++;
      } else {
        // The start of another value or key, where a comma belonged.
        return /["[{\d\-tfn]/.test(c) ? { kind: 'missing-comma', index: i } : { kind: 'char', index: i };
      }
      continue;
    }
    if (expect === 'colon') {
      if (c !== ':') return { kind: 'char', index: i };
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'key' || expect === 'first-key') {
      if (c === '}') {
        if (expect === 'key') return { kind: 'trailing-comma', index: lastComma };
        stack.pop();
        i++;
        expect = 'after';
        continue;
      }
      if (c !== '"') return { kind: 'char', index: i };
      const snag = readString();
      if (snag) return snag;
      expect = 'colon';
      continue;
    }
    // A value.
    if (c === ']' && top === '[') {
      if (expect === 'value') return { kind: 'trailing-comma', index: lastComma };
      stack.pop();
      i++;
      expect = 'after';
      continue;
    }
    if (c === '[' || c === '{') {
      stack.push(c);
      i++;
      expect = c === '[' ? 'first-value' : 'first-key';
      continue;
    }
    if (c === '"') {
      const snag = readString();
      if (snag) return snag;
      expect = 'after';
      continue;
    }
    JSON_NUMBER.lastIndex = i;
    const number = JSON_NUMBER.exec(text);
    if (number && number[0] !== '') {
      i += number[0].length;
      expect = 'after';
      continue;
    }
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (word !== undefined) {
      i += word.length;
      expect = 'after';
      continue;
    }
    const partial = ['true', 'false', 'null'].some((w) => w.startsWith(text.slice(i)));
    return partial ? { kind: 'end' } : { kind: 'char', index: i };
  }
}

/** 1-based line of `index`. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * A short piece of the text from `index`, to the end of its line, in quotes the parent
 * can tell apart from the file's own (curly ones when the piece has straight ones).
 */
function near(text: string, index: number, max = 20): string {
  const piece = clip((text.slice(index).split(/\r?\n/, 1)[0] ?? '').trimEnd(), max);
  return piece.includes('"') ? `\u201C${piece}\u201D` : `"${piece}"`;
}

/** The key, string or word starting at `index`: `"settings"`, `true`, `42`. */
function tokenAt(text: string, index: number): string {
  const token = /^"(?:[^"\\\n]|\\.)*"?|^[^\s,:\]}]+/.exec(text.slice(index, index + 80))?.[0] ?? '';
  const inner = token.startsWith('"') ? token.slice(1).replace(/"$/, '') : token;
  return `"${clip(inner, 30)}"`;
}

function notJson(text: string): string {
  const snag = findJsonSnag(text);
  if (snag === null) return say('coreFileNotSettings');
  switch (snag.kind) {
    case 'end':
      return say('coreFileCutShort', [String(lineOf(text, text.length))]);
    case 'trailing-comma':
      return say('coreFileTrailingComma', [String(lineOf(text, snag.index))]);
    case 'missing-comma':
      return say('coreFileMissingComma', [String(lineOf(text, snag.index)), tokenAt(text, snag.index)]);
    case 'control': {
      const char =
        snag.char === '\t'
          ? say('coreCharTab')
          : snag.char === '\n' || snag.char === '\r'
            ? say('coreCharLineBreak')
            : say('coreCharHidden');
      return say('coreFileControlChar', [String(lineOf(text, snag.index)), char]);
    }
    case 'char':
      return say('coreFileNear', [String(lineOf(text, snag.index)), near(text, snag.index)]);
  }
}

// ---------------------------------------------------------------------------
// Reading the settings inside
// ---------------------------------------------------------------------------

/** Thrown inside the checks below, caught by parseSettingsFile: the one sentence to show. */
class Refusal {
  constructor(readonly sentence: string) {}
}

function refuse(sentence: string): never {
  throw new Refusal(sentence);
}

/** The first issue of a schema, as the middle of a sentence ("has an end time "25:00" Hearth can't read"). */
function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues[0]?.message ?? say('coreProblemUnreadable');
}

/**
 * Checks each item of a list with `schema`, then that their ids differ. `explain` may
 * word a problem better than the schema can (a date the calendar doesn't have).
 */
function checkList<T extends object>(
  raw: unknown,
  list: { missing: () => string; notList: (kind: string) => string },
  schema: v.GenericSchema<unknown, T>,
  describe: (item: unknown, position: number) => string,
  options: { duplicate?: (first: T, second: T) => string; explain?: (item: unknown) => string | null } = {},
): T[] {
  if (raw === undefined) refuse(list.missing());
  if (!Array.isArray(raw)) refuse(list.notList(kindOf(raw)));
  const out: T[] = [];
  const byId = new Map<string, T>();
  // A plain loop, not forEach: a hole in the array is an item too.
  for (let index = 0; index < raw.length; index++) {
    const item: unknown = raw[index];
    const result = v.safeParse(schema, item);
    if (!result.success) {
      refuse(`${describe(item, index + 1)} ${options.explain?.(item) ?? firstIssue(result.issues)}.`);
    }
    const output = result.output;
    const id = 'id' in output ? output.id : undefined;
    if (options.duplicate !== undefined && typeof id === 'string') {
      const earlier = byId.get(id);
      if (earlier !== undefined) refuse(options.duplicate(earlier, output));
      byId.set(id, output);
    }
    out.push(output);
  }
  return out;
}

const labelOf = (item: unknown): unknown => (isRecord(item) ? item.label : undefined);

const WINDOWS_LIST = {
  missing: () => say('coreFileNoWindows'),
  notList: (kind: string) => say('coreFileWindowsNotList', [kind]),
};

function checkSchedule(raw: unknown): Settings['schedule'] {
  if (raw === undefined) refuse(say('coreFileNoSchedule'));
  if (!isRecord(raw)) refuse(say('coreFileScheduleNotSchedule', [kindOf(raw)]));
  const schedule = raw as Data;
  const windows = checkList(schedule.windows, WINDOWS_LIST, WindowSchema, (item, n) => subject(WINDOW, labelOf(item), n), {
    duplicate: (a, b) =>
      a.label === b.label
        ? say('coreFileWindowsSameNameShareId', [clip(a.label), clip(a.id)])
        : say('coreFileWindowsShareId', [clip(a.label), clip(b.label), clip(a.id)]),
  });
  const blocks = checkList(
    schedule.blocks,
    { missing: () => say('coreFileNoBlocks'), notList: (kind) => say('coreFileBlocksNotList', [kind]) },
    BlockSchema,
    (item, n) => subject(BLOCK, labelOf(item), n),
    {
      duplicate: (a, b) => say('coreFileBlocksShareId', [clip(a.label), clip(b.label), clip(a.id)]),
    },
  );
  const labels = new Map(windows.map((w) => [w.id, w.label]));
  const skips = checkList(
    schedule.skips,
    { missing: () => say('coreFileNoSkips'), notList: (kind) => say('coreFileSkipsNotList', [kind]) },
    SkipSchema,
    (item, n) => {
      const windowId = isRecord(item) ? item.windowId : undefined;
      const label = typeof windowId === 'string' ? labels.get(windowId) : undefined;
      return label !== undefined
        ? say('coreSkipNamed', [clip(label)])
        : say('coreFileSkipNumbered', [sayOrdinal(n)]);
    },
    {
      // A well-formed date the calendar doesn't have (2025-02-30): say exactly that.
      explain: (item) => {
        const date = isRecord(item) ? item.date : undefined;
        return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isDateKey(date)
          ? say('coreFileSkipImpossibleDate', [date])
          : null;
      },
    },
  );
  return { windows, blocks, skips };
}

function checkSites(raw: unknown): Settings['sites'] {
  const sites = checkList(
    raw,
    { missing: () => say('coreFileNoSites'), notList: (kind) => say('coreFileSitesNotList', [kind]) },
    WorkSiteSchema,
    (item, n) => subject(WORK_SITE, isRecord(item) ? item.pattern : undefined, n),
    {
      duplicate: (a, b) => say('coreFileSitesShareId', [clip(a.pattern), clip(b.pattern), clip(a.id)]),
    },
  );
  const byHost = new Map<string, string>();
  return sites.map((site) => {
    const parsed = parseSitePattern(site.pattern);
    if (!parsed.ok) {
      if (site.pattern.trim() === '') refuse(say('coreFileSiteEmptyAddress'));
      refuse(say('coreFileSiteUnusable', [parsed.error]));
    }
    // `slack.com` and `*.slack.com` name the same sites, as when adding one.
    const host = parsed.pattern.replace(/^\*\./, '');
    const earlier = byHost.get(host);
    if (earlier !== undefined) {
      refuse(
        earlier === parsed.pattern
          ? say('coreFileSiteTwice', [clip(parsed.pattern)])
          : say('coreFileSitesSameSite', [clip(earlier), clip(parsed.pattern)]),
      );
    }
    byHost.set(host, parsed.pattern);
    return { ...site, pattern: parsed.pattern };
  });
}

type PreferenceRule = { name: () => string } & ({ switch: true } | { switch: false; min: number; max: number });

/** Kept in step with settings.ts's preference entries; a file passing these also passes the schema (checked at the end). */
const PREFERENCE_RULES: Record<keyof Preferences, PreferenceRule> = {
  headsUp: { name: () => say('coreFilePrefHeadsUp'), switch: true },
  headsUpMinutes: { name: () => say('coreFilePrefHeadsUpMinutes'), switch: false, min: 1, max: 60 },
  handoff: { name: () => say('coreFilePrefHandoff'), switch: true },
  dimWayThroughMinutes: { name: () => say('coreFilePrefWayThrough'), switch: false, min: 1, max: 120 },
};

function checkPreferences(raw: unknown): Preferences {
  if (raw === undefined) refuse(say('coreFileNoPreferences'));
  if (!isRecord(raw)) refuse(say('coreFilePreferencesNotPreferences', [kindOf(raw)]));
  const preferences = raw as Data;
  const out: Data = {};
  for (const [key, rule] of Object.entries(PREFERENCE_RULES)) {
    const value = preferences[key];
    if (value === undefined) refuse(say('coreFilePrefMissing', [rule.name()]));
    if (rule.switch) {
      if (typeof value !== 'boolean') {
        refuse(say('coreFilePrefNotSwitch', [rule.name(), shown(value) || kindOf(value)]));
      }
    } else if (typeof value !== 'number' || !Number.isInteger(value) || value < rule.min || value > rule.max) {
      const said = typeof value === 'number' ? say('coreMinutes', [String(value)]) : shown(value) || kindOf(value);
      refuse(say('coreFilePrefOutOfRange', [rule.name(), said, String(rule.min), String(rule.max)]));
    }
    out[key] = value;
  }
  return out as unknown as Preferences;
}

/** Checks the settings inside a file of a known, current-or-older version; refuses with a sentence. */
function checkSettings(inner: unknown, version: number): Settings {
  if (inner === undefined) refuse(say('coreFileNoSettings'));
  if (!isRecord(inner)) refuse(say('coreFileSettingsNotSettings', [kindOf(inner)]));
  const raw = inner as Data;
  if (raw.version !== undefined && raw.version !== version) {
    refuse(say('coreFileVersionMismatch', [String(version), shown(raw.version) || kindOf(raw.version)]));
  }
  // The first draft's windows were all it had: without them there is nothing to bring over.
  if (version === 1 && !Array.isArray(raw.windows)) {
    refuse(
      raw.windows === undefined ? WINDOWS_LIST.missing() : WINDOWS_LIST.notList(kindOf(raw.windows)),
    );
  }
  // The first draft stored no version; the file's own version says which it was.
  const migrated = migrate({ ...raw, version });
  if (!migrated.ok) refuse(migrated.newer ? newerSentence(version) : say('coreFileSettingsUnreadable'));
  const data = migrated.data;

  const candidate = {
    version: CURRENT_VERSION,
    schedule: checkSchedule(data.schedule),
    sites: checkSites(data.sites),
    preferences: checkPreferences(data.preferences),
  };
  // The stored-settings reader has the last word: the file passes only when it is read whole.
  const read = parseSettings(candidate);
  if (!read.intact || read.fromNewerVersion) {
    const first = read.problems[0];
    refuse(
      first
        ? say('coreFileSomeUnreadableBecause', [first.replace(/[.]$/, '')])
        : say('coreFileSomeUnreadable'),
    );
  }
  return read.settings;
}

const newerSentence = (version: number) => say('coreFileNewer', [String(version), String(CURRENT_VERSION)]);

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

/**
 * Reads a settings file. Either every part of it is usable and `settings` are ready to
 * save, or `error` is one kind sentence naming the first thing Hearth can't use.
 * Never throws; a file over MAX_FILE_SIZE is refused before it is parsed.
 */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  if (text.length > MAX_FILE_SIZE) {
    return {
      ok: false,
      error: say('coreFileTooBig', [megabytes(text.length)]),
    };
  }
  // Editors on some systems start a file with a byte-order mark.
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: say('coreFileEmpty') };

  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return { ok: false, error: notJson(body) };
  }

  try {
    return { ok: true, settings: readDocument(doc) };
  } catch (thrown) {
    if (thrown instanceof Refusal) return { ok: false, error: thrown.sentence };
    // Only reachable with something truly unexpected; still say it kindly.
    return { ok: false, error: say('coreFileUnexpected') };
  }
}

function readDocument(doc: unknown): Settings {
  if (!isRecord(doc)) {
    refuse(say('coreFileHoldsKind', [kindOf(doc)]));
  }
  const { format, version } = doc;
  if (format === HISTORY_FILE_FORMAT) {
    refuse(say('coreFileIsHistory'));
  }
  if (format === undefined) refuse(say('coreFileNoFormat'));
  if (format !== SETTINGS_FILE_FORMAT) {
    const said = shown(format);
    refuse(said ? say('coreFileOtherFormat', [said]) : say('coreFileNoFormat'));
  }
  if (version === undefined) {
    refuse(say('coreFileNoVersion'));
  }
  if (typeof version !== 'number' || !Number.isFinite(version)) {
    refuse(say('coreFileVersionNotNumber', [shown(version) || kindOf(version)]));
  }
  const n = version as number;
  if (!Number.isInteger(n) || n < 1) {
    refuse(say('coreFileVersionNotWhole', [String(n)]));
  }
  if (n > CURRENT_VERSION) refuse(newerSentence(n));
  return checkSettings(doc.settings, n);
}
