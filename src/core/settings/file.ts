// The settings file a parent saves with "Export settings" and brings back with
// "Import settings": a small, versioned JSON document (see docs/settings-format.md).
//
// Reading a file is a thin layer over reading stored settings: parse the JSON, check the
// envelope and its version, then the same migrations (migrate.ts) and the same check
// (read.ts). Only the outcome differs: an import is all or nothing. A file with anything
// Hearth can't use is refused whole, with one plain sentence naming the first thing
// that's wrong, and the caller saves nothing. Pure: no browser API.

import { HISTORY_EXPORT_FORMAT } from '../historyExport';
import { isRecord } from '../record';
import { say } from '../say';
import { formatDateKey } from '../wallclock';
import { fileVoice, missingOrOther } from './fileVoice';
import { migrate } from './migrate';
import { notJson } from './notJson';
import { readSettings } from './read';
import { CURRENT_VERSION, type Settings } from './schema';
import { kindOf, shown } from './wording';

const SETTINGS_FILE_FORMAT = 'hearth-settings';
/** What "Export history" writes (core/historyExport.ts): told apart to say so. */
const HISTORY_FILE_FORMAT = HISTORY_EXPORT_FORMAT;

/**
 * The largest file Hearth reads, in characters of text (the page checks bytes first).
 * A real settings file is a few kilobytes; this leaves room for hundreds of windows.
 */
export const MAX_FILE_SIZE = 1024 * 1024;

/** The document "Export settings" saves. History is not part of it. */
interface SettingsFile {
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

/** "1.1 MB", "50 MB": rounded up, so a file just over the limit never reads as "1 MB". */
export function megabytes(size: number): string {
  const mb = size / (1024 * 1024);
  const rounded = mb < 10 ? Math.ceil(mb * 10) / 10 : Math.ceil(mb);
  return `${rounded} MB`;
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

/** Thrown while reading a file, caught by parseSettingsFile: the one sentence to show. */
class Refusal {
  constructor(readonly sentence: string) {}
}

function refuse(sentence: string): never {
  throw new Refusal(sentence);
}

/**
 * Reads a settings file. Either every part of it is usable and `settings` are ready to
 * save, or `error` is one kind sentence naming the first thing Hearth can't use.
 * Never throws; a file over MAX_FILE_SIZE is refused before it is parsed.
 */
export function parseSettingsFile(text: string): ParsedSettingsFile {
  if (text.length > MAX_FILE_SIZE) return { ok: false, error: say('coreFileTooBig', [megabytes(text.length)]) };
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

const newerSentence = (version: number) => say('coreFileNewer', [String(version), String(CURRENT_VERSION)]);

/** The envelope: a Hearth settings file, of a version this Hearth reads. */
function readDocument(doc: unknown): Settings {
  if (!isRecord(doc)) refuse(say('coreFileHoldsKind', [kindOf(doc)]));
  const { format, version } = doc;
  if (format === HISTORY_FILE_FORMAT) refuse(say('coreFileIsHistory'));
  if (format === undefined) refuse(say('coreFileNoFormat'));
  if (format !== SETTINGS_FILE_FORMAT) {
    const said = shown(format);
    refuse(said ? say('coreFileOtherFormat', [said]) : say('coreFileNoFormat'));
  }
  if (version === undefined) refuse(say('coreFileNoVersion'));
  if (typeof version !== 'number' || !Number.isFinite(version)) {
    refuse(say('coreFileVersionNotNumber', [shown(version) || kindOf(version)]));
  }
  if (!Number.isInteger(version) || version < 1) refuse(say('coreFileVersionNotWhole', [String(version)]));
  if (version > CURRENT_VERSION) refuse(newerSentence(version));
  return readSettingsInside(doc.settings, version);
}

/** The settings inside a file of a known, current-or-older version. */
function readSettingsInside(inner: unknown, version: number): Settings {
  if (!isRecord(inner)) refuse(missingOrOther('coreFileNoSettings', 'coreFileSettingsNotSettings')(inner));
  if (inner.version !== undefined && inner.version !== version) {
    refuse(say('coreFileVersionMismatch', [String(version), shown(inner.version) || kindOf(inner.version)]));
  }
  const voice = fileVoice(refuse);
  // The first draft's windows were all it had: without them there is nothing to bring over.
  if (version === 1 && !Array.isArray(inner.windows)) refuse(voice.windows.notList(inner.windows));
  // The first draft stored no version; the file's own version says which it was.
  const migrated = migrate({ ...inner, version });
  if (!migrated.ok) refuse(migrated.newer ? newerSentence(version) : say('coreFileSettingsUnreadable'));
  return readSettings(migrated.data, voice, refuse);
}
