// An organisation's settings for Hearth, as the browser's enterprise policy gives them
// (storage.managed): its work sites, its quiet hours, and defaults for the heads-up and
// the welcome back. Checked with the same schemas as everything else; a value that can't
// be used is set aside with a plain note and never stops the parent's own settings.
// The parent stays in charge: they may change a site's mode or name, skip an occurrence,
// end family time early and add their own, but what the organisation set stays listed.
// The policy is never written into the parent's settings: it is merged when read, so a
// policy that drops a site drops it everywhere. Pure: no browser API.
import * as v from 'valibot';
import { isRecord } from './record';
import { say } from './say';
import { PREFERENCE_MINUTES, SITE_MODES, WindowSchema, type Preferences, type Settings, type WorkSite } from './settings/schema';
import { clip } from './settings/wording';
import { parseSitePattern, sameSite, siteHost } from './sites';
import type { BoundaryWindow } from './types';

/**
 * Ids of what the organisation set, from what it is, never from its place in the list (an
 * administrator reordering the policy changes nothing): `org-site:<pattern>`, and
 * `org-window:<the administrator's id>` or `org-window:<a digest of the window>`.
 */
export const ORG_SITE = 'org-site:';
export const ORG_WINDOW = 'org-window:';
export const isFromOrganisation = (id: string): boolean => id.startsWith(ORG_SITE) || id.startsWith(ORG_WINDOW);

/** The preferences a policy may give a default for, by their names in the policy. */
const POLICY_PREFERENCES = { headsUp: 'headsUp', headsUpMinutes: 'headsUpMinutes', welcomeBack: 'handoff' } as const;
type PolicyPreference = (typeof POLICY_PREFERENCES)[keyof typeof POLICY_PREFERENCES];

export interface Policy {
  sites: WorkSite[];
  windows: BoundaryWindow[];
  /** Defaults, for the preferences the parent has not chosen themselves. */
  preferences: Partial<Pick<Preferences, PolicyPreference>>;
  /** Plain sentences about values that were set aside. */
  notes: string[];
}

export const NO_POLICY: Policy = Object.freeze({ sites: [], windows: [], preferences: {}, notes: [] });

const PolicySiteSchema = v.object({
  pattern: v.string(),
  mode: v.optional(v.picklist(SITE_MODES), 'quiet'),
});

const PREFERENCE_SCHEMAS = {
  headsUp: v.boolean(),
  headsUpMinutes: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(PREFERENCE_MINUTES.headsUpMinutes.min),
    v.maxValue(PREFERENCE_MINUTES.headsUpMinutes.max),
  ),
  welcomeBack: v.boolean(),
} as const;

const list = (raw: unknown, notListKey: string, notes: string[]): unknown[] => {
  if (raw === undefined || Array.isArray(raw)) return raw ?? [];
  notes.push(say(notListKey));
  return [];
};

/** A short digest of a window as the organisation wrote it: the same window, the same id. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

function readSites(raw: unknown, notes: string[]): WorkSite[] {
  const sites: WorkSite[] = [];
  const hosts = new Set<string>();
  list(raw, 'policySitesNotList', notes).forEach((item, i) => {
    const place = String(i + 1);
    const read = v.safeParse(PolicySiteSchema, item);
    if (!read.success) {
      const mode = isRecord(item) ? item.mode : undefined;
      const named = isRecord(item) && typeof item.pattern === 'string';
      return void notes.push(
        named && mode !== undefined
          ? say('policySiteModeSetAside', [clip(String(item.pattern)), clip(String(mode))])
          : say('policySiteNoAddress', [place]),
      );
    }
    const parsed = parseSitePattern(read.output.pattern);
    if (!parsed.ok) return void notes.push(say('policySiteSetAside', [place, parsed.error]));
    // The same site twice: the first one counts.
    if (hosts.has(siteHost(parsed.pattern))) return;
    hosts.add(siteHost(parsed.pattern));
    sites.push({ id: ORG_SITE + parsed.pattern, pattern: parsed.pattern, mode: read.output.mode });
  });
  return sites;
}

function readWindows(raw: unknown, notes: string[]): BoundaryWindow[] {
  const windows: BoundaryWindow[] = [];
  list(raw, 'policyWindowsNotList', notes).forEach((item) => {
    // The shape is checked by the schema every window meets; only the policy's own fields are read here.
    const w = isRecord(item) ? item : {};
    const label = typeof w.label === 'string' && w.label.trim() ? w.label : say('policyWindowLabel');
    const overnight = typeof w.start === 'string' && typeof w.end === 'string' && w.end <= w.start;
    const shape = { label, kind: 'custom', days: w.days, start: w.start, end: w.end, endDayOffset: w.endDayOffset ?? (overnight ? 1 : 0), paused: false };
    const given = typeof w.id === 'string' ? w.id.trim() : '';
    const id = ORG_WINDOW + (given || digest(JSON.stringify(shape)));
    const result = v.safeParse(WindowSchema, { id, ...shape });
    if (!result.success) {
      return void notes.push(say('policyWindowSetAside', [clip(label), result.issues[0]?.message ?? say('coreProblemUnreadable')]));
    }
    if (!windows.some((other) => other.id === id)) windows.push(result.output);
  });
  return windows;
}

function readPreferences(raw: Record<string, unknown>, notes: string[]): Policy['preferences'] {
  const preferences: Policy['preferences'] = {};
  for (const [from, to] of Object.entries(POLICY_PREFERENCES) as [keyof typeof POLICY_PREFERENCES, PolicyPreference][]) {
    if (raw[from] === undefined) continue;
    const read = v.safeParse(PREFERENCE_SCHEMAS[from], raw[from]);
    if (read.success) Object.assign(preferences, { [to]: read.output });
    else notes.push(say('policyPreferenceSetAside', [from]));
  }
  return preferences;
}

/** The organisation's policy as storage.managed gives it: what can be used, and a note for each part that can't. */
export function readPolicy(raw: unknown): Policy {
  if (!isRecord(raw) || Object.keys(raw).length === 0) return NO_POLICY;
  const notes: string[] = [];
  const sites = readSites(raw.sites, notes);
  const windows = readWindows(raw.windows, notes);
  return { sites, windows, preferences: readPreferences(raw, notes), notes };
}

/**
 * The parent's own entry that holds their choice for an organisation's site: the one under
 * its very id, or else a site of their own for the same address (added before the policy
 * came). Changes to the organisation's site are written there, so they are read back.
 */
export function choiceFor(own: readonly WorkSite[], org: WorkSite): WorkSite | undefined {
  return own.find((s) => s.id === org.id) ?? own.find((s) => !isFromOrganisation(s.id) && sameSite(s.pattern, org.pattern));
}

/**
 * The settings in force: the organisation's sites (with the parent's own mode, name and
 * choice to tuck their tabs away for them) and windows beside the parent's own, and its
 * defaults for preferences the parent has not chosen. The parent's entries for an
 * organisation's site wait, unseen, while no policy names it.
 */
export function withPolicy(own: Settings, policy: Policy): Settings {
  const orgSites = policy.sites.map((org) => {
    const chosen = choiceFor(own.sites, org);
    return chosen ? { ...org, mode: chosen.mode, ...(chosen.name ? { name: chosen.name } : {}), ...(chosen.tuck ? { tuck: true as const } : {}) } : org;
  });
  const orgHosts = new Set(policy.sites.map((org) => siteHost(org.pattern)));
  const ownSites = own.sites.filter((s) => !s.id.startsWith(ORG_SITE) && !orgHosts.has(siteHost(s.pattern)));
  const chosen = new Set<string>(own.chosenPreferences ?? []);
  const defaults = Object.fromEntries(Object.entries(policy.preferences).filter(([key]) => !chosen.has(key)));
  return {
    ...own,
    sites: [...orgSites, ...ownSites],
    schedule: { ...own.schedule, windows: [...own.schedule.windows.filter((w) => !w.id.startsWith(ORG_WINDOW)), ...policy.windows] },
    preferences: { ...own.preferences, ...defaults },
  };
}

/**
 * The parent's own settings for a file of their own: nothing of the organisation's, nor
 * their choices about it (another browser has its own policy, or none).
 */
export function ownPart(own: Settings): Settings {
  const orgSite = (id: string | undefined) => id !== undefined && id.startsWith(ORG_SITE);
  return {
    ...own,
    sites: own.sites.filter((s) => !orgSite(s.id)),
    letThrough: own.letThrough.filter((r) => !orgSite(r.siteId)),
    schedule: {
      ...own.schedule,
      windows: own.schedule.windows.filter((w) => !w.id.startsWith(ORG_WINDOW)),
      skips: own.schedule.skips.filter((k) => !k.windowId.startsWith(ORG_WINDOW)),
    },
  };
}
