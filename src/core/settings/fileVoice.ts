// The words for a settings file the shared check (read.ts) refuses: "…in this file…",
// each a whole sentence naming the first thing Hearth can't use. A file's work sites are
// also read as adding each one would read it (parseSitePattern), and stored tidy.

import { isRecord } from '../record';
import { say } from '../say';
import { parseSitePattern, siteHost, typedName } from '../sites';
import { isDateKey } from '../wallclock';
import type { Voice } from './read';
import { PREFERENCE_MINUTES, type Preferences, type WorkSite } from './schema';
import { clip, kindOf, shown, subjectKeys } from './wording';

const WINDOW = subjectKeys('coreWindowNamed', 'coreFileWindowNumbered');
const BLOCK = subjectKeys('coreBlockNamed', 'coreFileBlockNumbered');
const SKIP = subjectKeys('coreSkipNamed', 'coreFileSkipNumbered');
const WORK_SITE = subjectKeys('coreFileWorkSiteNamed', 'coreFileWorkSiteNumbered');
const LET_THROUGH = subjectKeys('coreFileLetThroughNamed', 'coreFileLetThroughNumbered');

/** The sentence for a part that is missing, or is another kind of value than it should be. */
export const missingOrOther =
  (missing: string, other: string) =>
  (raw: unknown): string =>
    raw === undefined ? say(missing) : say(other, [kindOf(raw)]);

/** The schedule's or the preferences' sentence when not an object; null when it is one. */
const unreadablePart = (missing: string, other: string) => (raw: unknown) =>
  isRecord(raw) ? null : missingOrOther(missing, other)(raw);

const PREFERENCE_NAMES: Record<keyof Preferences, string> = {
  headsUp: 'coreFilePrefHeadsUp',
  headsUpMinutes: 'coreFilePrefHeadsUpMinutes',
  handoff: 'coreFilePrefHandoff',
  dimWayThroughMinutes: 'coreFilePrefWayThrough',
};

/** A well-formed date the calendar doesn't have (2025-02-30): say exactly that. */
function impossibleDate(item: unknown): string | null {
  const date = isRecord(item) ? item.date : undefined;
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isDateKey(date)
    ? say('coreFileSkipImpossibleDate', [date])
    : null;
}

/**
 * Each site's pattern read as the "Add site" field reads it, and stored in its tidy
 * form (an unnamed address in its own script named as written, as that field names it);
 * the first one Hearth can't use, or two naming the same sites, are refused.
 */
function sitePatterns(sites: WorkSite[], refuse: (sentence: string) => never): WorkSite[] {
  const byHost = new Map<string, string>();
  return sites.map((site) => {
    const parsed = parseSitePattern(site.pattern);
    if (!parsed.ok) {
      if (site.pattern.trim() === '') refuse(say('coreFileSiteEmptyAddress'));
      refuse(say('coreFileSiteUnusable', [parsed.error]));
    }
    const earlier = byHost.get(siteHost(parsed.pattern));
    if (earlier !== undefined) {
      refuse(
        earlier === parsed.pattern
          ? say('coreFileSiteTwice', [clip(parsed.pattern)])
          : say('coreFileSitesSameSite', [clip(earlier), clip(parsed.pattern)]),
      );
    }
    byHost.set(siteHost(parsed.pattern), parsed.pattern);
    const named = site.name === undefined ? typedName(site.pattern, parsed.pattern) : null;
    return { ...site, pattern: parsed.pattern, ...(named ? { name: named } : {}) };
  });
}

/** The file's words; `refuse` ends the read with one sentence. */
export function fileVoice(refuse: (sentence: string) => never): Voice {
  return {
    windows: {
      noun: WINDOW,
      notList: missingOrOther('coreFileNoWindows', 'coreFileWindowsNotList'),
      duplicate: (a, b) =>
        a.label === b.label
          ? say('coreFileWindowsSameNameShareId', [clip(a.label), clip(a.id)])
          : say('coreFileWindowsShareId', [clip(a.label), clip(b.label), clip(a.id)]),
    },
    blocks: {
      noun: BLOCK,
      notList: missingOrOther('coreFileNoBlocks', 'coreFileBlocksNotList'),
      duplicate: (a, b) => say('coreFileBlocksShareId', [clip(a.label), clip(b.label), clip(a.id)]),
    },
    skips: { noun: SKIP, notList: missingOrOther('coreFileNoSkips', 'coreFileSkipsNotList'), explain: impossibleDate },
    sites: {
      noun: WORK_SITE,
      notList: missingOrOther('coreFileNoSites', 'coreFileSitesNotList'),
      duplicate: (a, b) => say('coreFileSitesShareId', [clip(a.pattern), clip(b.pattern), clip(a.id)]),
    },
    letThrough: {
      noun: LET_THROUGH,
      notList: missingOrOther('coreFileNoLetThrough', 'coreFileLetThroughNotList'),
      duplicate: (a, b) => say('coreFileLetThroughShareId', [clip(a.text), clip(b.text), clip(a.id)]),
    },
    setAside: (subject, what) => `${subject} ${what}.`,
    unreadableSchedule: unreadablePart('coreFileNoSchedule', 'coreFileScheduleNotSchedule'),
    unreadablePreferences: unreadablePart('coreFileNoPreferences', 'coreFilePreferencesNotPreferences'),
    preferenceMissing: (key) => say('coreFilePrefMissing', [say(PREFERENCE_NAMES[key])]),
    preferenceUnreadable: (key, value) => {
      const name = say(PREFERENCE_NAMES[key]);
      if (!(key in PREFERENCE_MINUTES)) return say('coreFilePrefNotSwitch', [name, shown(value) || kindOf(value)]);
      const { min, max } = PREFERENCE_MINUTES[key as keyof typeof PREFERENCE_MINUTES];
      const said = typeof value === 'number' ? say('coreMinutes', [String(value)]) : shown(value) || kindOf(value);
      return say('coreFilePrefOutOfRange', [name, said, String(min), String(max)]);
    },
    sitePatterns: (sites) => sitePatterns(sites, refuse),
  };
}
