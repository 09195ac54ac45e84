// Whether a settings-file refusal is specific: one of the English sentences that names
// what is wrong (a line, a field, an item), never one of the bare fallbacks. Built from
// public/_locales/en/messages.json, so new wording is followed without copying it here.
// Test code only; `say` speaks English in unit tests (tests/unit/setup.ts).
import messages from '../../public/_locales/en/messages.json';
import { say } from '../../src/core/say';

type Entry = { message: string };
const entries = messages as Record<string, Entry>;

/** Whole-sentence refusals, each naming what is wrong. */
const SENTENCES = [
  'coreFileTooBig', 'coreFileEmpty', 'coreFileCutShort', 'coreFileTrailingComma', 'coreFileMissingComma',
  'coreFileControlChar', 'coreFileNear', 'coreFileHoldsKind', 'coreFileIsHistory', 'coreFileNoFormat',
  'coreFileOtherFormat', 'coreFileNoVersion', 'coreFileVersionNotNumber', 'coreFileVersionNotWhole', 'coreFileNewer',
  'coreFileNoSettings', 'coreFileSettingsNotSettings', 'coreFileVersionMismatch', 'coreFileNoSchedule',
  'coreFileScheduleNotSchedule', 'coreFileNoWindows', 'coreFileNoBlocks', 'coreFileNoSkips', 'coreFileNoSites',
  'coreFileWindowsNotList', 'coreFileBlocksNotList', 'coreFileSkipsNotList', 'coreFileSitesNotList',
  'coreFileWindowsSameNameShareId', 'coreFileWindowsShareId', 'coreFileBlocksShareId', 'coreFileSitesShareId',
  'coreFileSiteEmptyAddress', 'coreFileSiteUnusable', 'coreFileSiteTwice', 'coreFileSitesSameSite',
  'coreFileNoPreferences', 'coreFilePreferencesNotPreferences', 'coreFilePrefMissing', 'coreFilePrefNotSwitch',
  'coreFilePrefOutOfRange', 'coreFileNoLetThrough', 'coreFileLetThroughNotList', 'coreFileLetThroughShareId',
  'coreTooManyLetThrough', 'coreChildAgesUnknown', 'coreWeeklyChoiceUnreadable', 'coreChosenUnreadable',
];

/** An item named by its name or place ("The window "Dinner"", "The third window in this file")… */
const SUBJECTS = [
  'coreWindowNamed', 'coreBlockNamed', 'coreSkipNamed', 'coreFileWorkSiteNamed',
  'coreFileWindowNumbered', 'coreFileBlockNumbered', 'coreFileSkipNumbered', 'coreFileWorkSiteNumbered',
  'coreFileLetThroughNamed', 'coreFileLetThroughNumbered',
];
/** …and what is wrong with it ("has an end time "25:00" Hearth can't read"). */
const PROBLEMS = [...Object.keys(entries).filter((k) => k.startsWith('coreProblem')), 'coreFileSkipImpossibleDate'];

/** Sentences that name nothing: a refusal must never be one of these. */
export const BARE_FALLBACKS = ['coreFileUnexpected', 'coreFileNotSettings', 'coreFileSettingsUnreadable'];

/** A message as a regular expression: its placeholders match any text. */
function pattern(key: string): string {
  const entry = entries[key];
  if (!entry) throw new Error(`No English message "${key}"`);
  return entry.message
    .split(/(\$\$|\$[A-Za-z0-9_@]+\$)/)
    .map((part) => (part === '$$' ? '\\$' : /^\$.+\$$/.test(part) ? '[\\s\\S]*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
}

const SPECIFIC = new RegExp(
  `^(?:${SENTENCES.map(pattern).join('|')}|(?:${SUBJECTS.map(pattern).join('|')}) (?:${PROBLEMS.map(pattern).join('|')})\\.)$`,
);

/** Why `sentence` is not a specific refusal, or null when it is one. */
export function vagueness(sentence: string): string | null {
  if (sentence.trim() === '') return 'the sentence is empty';
  if (sentence.length > 600) return `the sentence is ${sentence.length} characters long`;
  const bare = BARE_FALLBACKS.find((key) => sentence === say(key));
  if (bare) return `the sentence is the bare fallback ${bare}`;
  return SPECIFIC.test(sentence) ? null : 'the sentence is none of the known refusals';
}
