// An organisation's settings for Hearth, as the browser's enterprise policy gives them
// (storage.managed): its work sites, its quiet hours, and defaults for the heads-up and
// the welcome back. Read with the same rules as everything else; a value that can't be
// used is set aside with a plain note, and never stops the parent's own settings.
// The parent stays in charge: they may change a site's mode, skip an occurrence, end
// family time early and add their own, but what the organisation set stays listed.
// Pure: no browser API.
import * as v from 'valibot';
import { isRecord } from './record';
import { say } from './say';
import { PREFERENCE_MINUTES, SITE_MODES, WindowSchema, type Preferences, type Settings, type WorkSite } from './settings/schema';
import { clip } from './settings/wording';
import { parseSitePattern, sameSite } from './sites';
import type { BoundaryWindow } from './types';

/** Ids of what the organisation set: its sites are `org-site:<pattern>`, its windows `org-window-<n>`. */
export const ORG_SITE = 'org-site:';
export const ORG_WINDOW = 'org-window-';
export const isFromOrganisation = (id: string): boolean => id.startsWith(ORG_SITE) || id.startsWith(ORG_WINDOW);

export interface Policy {
  sites: WorkSite[];
  windows: BoundaryWindow[];
  /** Defaults for a parent who has not chosen yet. */
  preferences: Partial<Pick<Preferences, 'headsUp' | 'headsUpMinutes' | 'handoff'>>;
  /** Plain sentences about values that were set aside. */
  notes: string[];
}

export const NO_POLICY: Policy = Object.freeze({ sites: [], windows: [], preferences: {}, notes: [] });

const list = (raw: unknown): unknown[] => (Array.isArray(raw) ? raw : []);

function readSites(raw: unknown, notes: string[]): WorkSite[] {
  const sites: WorkSite[] = [];
  list(raw).forEach((item, i) => {
    const pattern = isRecord(item) && typeof item.pattern === 'string' ? item.pattern : '';
    const parsed = parseSitePattern(pattern);
    if (!parsed.ok) return void notes.push(say('policySiteSetAside', [String(i + 1), parsed.error]));
    const mode = isRecord(item) && item.mode !== undefined ? item.mode : 'quiet';
    if (!SITE_MODES.includes(mode as WorkSite['mode'])) {
      return void notes.push(say('policySiteModeSetAside', [clip(pattern), clip(String(mode))]));
    }
    if (sites.some((s) => sameSite(s.pattern, parsed.pattern))) return;
    sites.push({ id: ORG_SITE + parsed.pattern, pattern: parsed.pattern, mode: mode as WorkSite['mode'] });
  });
  return sites;
}

function readWindows(raw: unknown, notes: string[]): BoundaryWindow[] {
  const windows: BoundaryWindow[] = [];
  list(raw).forEach((item, i) => {
    const w = isRecord(item) ? item : {};
    const overnight = typeof w.start === 'string' && typeof w.end === 'string' && w.end <= w.start;
    const candidate = {
      id: `${ORG_WINDOW}${i + 1}`,
      label: typeof w.label === 'string' && w.label.trim() ? w.label : say('policyWindowLabel'),
      kind: 'custom',
      days: w.days,
      start: w.start,
      end: w.end,
      endDayOffset: overnight ? 1 : 0,
      paused: false,
    };
    const result = v.safeParse(WindowSchema, candidate);
    if (result.success) windows.push(result.output);
    else notes.push(say('policyWindowSetAside', [clip(candidate.label), result.issues[0]?.message ?? '']));
  });
  return windows;
}

function readPreferences(raw: Record<string, unknown>, notes: string[]): Policy['preferences'] {
  const preferences: Policy['preferences'] = {};
  const { min, max } = PREFERENCE_MINUTES.headsUpMinutes;
  for (const [key, from] of [['headsUp', 'headsUp'], ['handoff', 'welcomeBack']] as const) {
    if (raw[from] === undefined) continue;
    if (typeof raw[from] === 'boolean') preferences[key] = raw[from];
    else notes.push(say('policyPreferenceSetAside', [from]));
  }
  const minutes = raw.headsUpMinutes;
  if (minutes !== undefined) {
    if (typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= min && minutes <= max) preferences.headsUpMinutes = minutes;
    else notes.push(say('policyPreferenceSetAside', ['headsUpMinutes']));
  }
  return preferences;
}

/** The organisation's policy from storage.managed: what can be used, and a note for each part that can't. */
export function readPolicy(raw: unknown): Policy {
  if (!isRecord(raw) || Object.keys(raw).length === 0) return NO_POLICY;
  const notes: string[] = [];
  return { sites: readSites(raw.sites, notes), windows: readWindows(raw.windows, notes), preferences: readPreferences(raw, notes), notes };
}

/**
 * The settings in force: the organisation's sites (with the parent's own mode, when they
 * changed it) and windows beside the parent's own. The parent's settings themselves never
 * hold the organisation's part, so a policy that drops a site drops it here too.
 */
export function withPolicy(own: Settings, policy: Policy): Settings {
  const leftOver = own.sites.some((s) => s.id.startsWith(ORG_SITE)) || own.schedule.windows.some((w) => w.id.startsWith(ORG_WINDOW));
  if (policy.sites.length === 0 && policy.windows.length === 0 && !leftOver) return own;
  const orgSites = policy.sites.map((org) => {
    const chosen = own.sites.find((s) => s.id === org.id || sameSite(s.pattern, org.pattern));
    return chosen ? { ...org, mode: chosen.mode, ...(chosen.name ? { name: chosen.name } : {}) } : org;
  });
  const ownSites = own.sites.filter((s) => !s.id.startsWith(ORG_SITE) && !policy.sites.some((org) => sameSite(s.pattern, org.pattern)));
  return {
    ...own,
    sites: [...orgSites, ...ownSites],
    schedule: { ...own.schedule, windows: [...own.schedule.windows.filter((w) => !w.id.startsWith(ORG_WINDOW)), ...policy.windows] },
  };
}
