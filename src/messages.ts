// The one typed message map between the extension's pages and the worker.
// Over 250 lines: the one typed message map every page and the worker share, kept whole.
// Requests are validated with valibot on arrival: a message is a trust line.
import * as v from 'valibot';
import { AGE_RANGES, type AgeRange } from './core/prompts';
import type { ReflectionSource } from './core/reflection';
import type { LetThroughRule } from './core/letThrough';
import { SITE_MODES, type Settings, type SiteMode, type WorkSite } from './core/settings/schema';
import type { ParkedThought } from './core/records';
import type { Occurrence } from './core/types';
import { MAX_CHOSEN, type MomentRef } from './core/weeklyShape';

export const RequestSchema = v.variant('type', [
  v.object({ type: v.literal('status') }),
  v.object({
    type: v.literal('startFocus'),
    minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(12 * 60)),
  }),
  v.object({ type: v.literal('endNow') }),
  v.object({ type: v.literal('sites') }),
  v.object({
    type: v.literal('addSite'),
    pattern: v.pipe(v.string(), v.maxLength(2048)),
    mode: v.picklist(SITE_MODES),
  }),
  v.object({ type: v.literal('removeSite'), id: v.string() }),
  v.object({ type: v.literal('setSiteMode'), id: v.string(), mode: v.picklist(SITE_MODES) }),
  v.object({ type: v.literal('renameSite'), id: v.string(), name: v.pipe(v.string(), v.maxLength(200)) }),
  // Tuck a site's tabs away during family time, or every listed site's (no id).
  v.object({ type: v.literal('setSiteTuck'), id: v.optional(v.string()), tuck: v.boolean() }),
  v.object({ type: v.literal('letThrough') }),
  v.object({ type: v.literal('addLetThrough'), text: v.pipe(v.string(), v.maxLength(500)), siteId: v.optional(v.string()) }),
  v.object({ type: v.literal('removeLetThrough'), id: v.string() }),
  // The calm page asks what to say, and where to go back to (only ever a listed site's address).
  v.object({ type: v.literal('calm'), siteId: v.string(), address: v.optional(v.pipe(v.string(), v.maxLength(8192))) }),
  v.object({ type: v.literal('wayThrough'), siteId: v.string() }),
  // Gentle moments (prompts are the pages' own: ui/shared/prompts.ts)
  v.object({ type: v.literal('parkThought'), text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500)) }),
  v.object({ type: v.literal('thoughts') }),
  v.object({ type: v.literal('thoughtAction'), id: v.string(), action: v.picklist(['done', 'clear']) }),
  v.object({ type: v.literal('reflection') }),
  v.object({ type: v.literal('clearHistory') }),
  // Settings: schedule editor, import and export, first run
  v.object({ type: v.literal('settings') }),
  v.object({ type: v.literal('saveSchedule'), schedule: v.unknown() }),
  v.object({ type: v.literal('savePreferences'), preferences: v.unknown() }),
  v.object({ type: v.literal('saveChildAges'), ages: v.array(v.picklist(AGE_RANGES)) }),
  v.object({ type: v.literal('skip'), windowId: v.string(), date: v.string(), skipped: v.boolean() }),
  // The weekly choice (core/weeklyChoice.ts): the popup's question, its answer, and the options' day and time.
  v.object({ type: v.literal('weekly') }),
  v.object({
    type: v.literal('chooseMoments'),
    week: v.pipe(v.string(), v.maxLength(10)),
    moments: v.pipe(v.array(v.union([v.object({ windowId: v.string(), date: v.string() }), v.object({ blockId: v.string() })])), v.maxLength(MAX_CHOSEN)),
    fresh: v.optional(
      v.object({
        label: v.pipe(v.string(), v.maxLength(200)),
        date: v.pipe(v.string(), v.maxLength(10)),
        from: v.pipe(v.string(), v.maxLength(5)),
        until: v.pipe(v.string(), v.maxLength(5)),
      }),
    ),
  }),
  v.object({ type: v.literal('saveWeeklyChoice'), choice: v.unknown() }),
  // Settings read from a file by the options page (core/settings/file.ts); the worker checks them again.
  v.object({ type: v.literal('importSettings'), settings: v.unknown() }),
]);
export type Request = v.InferOutput<typeof RequestSchema>;
export type ChooseMomentsRequest = Extract<Request, { type: 'chooseMoments' }>;

/** The popup's weekly question, when it is time to ask: the week's own family times, named, and the days a fresh one can be on. */
export type WeeklyView =
  | { ask: false }
  | { ask: true; week: string; offers: { ref: MomentRef; name: string }[]; days: { date: string; name: string }[] };

export type ChooseMomentsResult = { ok: true } | { ok: false; error: string };

/**
 * Storage refused a change (full, or failing): it was not kept, and what was saved before
 * stays in force. A rejected request carries only a message to the page, so this is it.
 */
export const NOT_SAVED = 'hearth:not-saved';

// Chromium's own `browser` (no polyfill in between) hands the page the worker's error as
// "Uncaught Error: hearth:not-saved".
export const isNotSaved = (error: unknown): boolean => error instanceof Error && error.message.includes(NOT_SAVED);

/** What a page needs to show where the parent stands. Computed fresh on every ask. */
export interface StatusView {
  now: number;
  active: Occurrence[];
  /** End of the continuous stretch of family time, when on. */
  until: number | null;
  /** The next occurrence to start. */
  next: Occurrence | null;
  /** Plain sentences about stored settings Hearth had to set aside. */
  problems: string[];
  /** The names of the moments on now that the parent chose this week. */
  chosen: string[];
  /** The children's age ranges, so the popup's prompts suit them. */
  childAges: AgeRange[];
}

export interface SiteView {
  site: WorkSite;
  /** A preset's name ("Slack"), or the pattern itself. */
  name: string;
  /** Whether the parent has given Hearth access to this site (needed to mute, hide counts, dim, set aside). */
  hasAccess: boolean;
}

export interface SitesView {
  sites: SiteView[];
  /** Chromium's contentSettings can hold back every notification; Firefox has no such API. */
  canBlockNotifications: boolean;
  /** How tabs are tucked away here (a tab group, or hidden), and whether the browser's permission for it is given. */
  tuck: { by: 'group' | 'hide'; allowed: boolean };
}

/** The answer to adding a site: the new list, or a plain sentence about the pattern. */
export type AddSiteResult = ({ ok: true } & SitesView) | { ok: false; error: string };

/** The let-through list, and the work sites a rule can be for. */
export interface LetThroughView {
  rules: LetThroughRule[];
  sites: { id: string; name: string }[];
}

export type AddLetThroughResult = ({ ok: true } & LetThroughView) | { ok: false; error: string };

/** What the set-aside calm page shows. */
export interface CalmView {
  name: string;
  /** The address it stands in for, when that is a page of this listed site (else null: it goes nowhere). */
  returnTo: string | null;
  /** When family time ends, or null when it is not on. */
  until: number | null;
  wayThroughMinutes: number;
  /** Set while a way through is open for this site. */
  passUntil: number | null;
}

export interface ResponseMap {
  status: StatusView;
  startFocus: StatusView;
  endNow: StatusView;
  sites: SitesView;
  addSite: AddSiteResult;
  removeSite: SitesView;
  renameSite: SitesView;
  letThrough: LetThroughView;
  addLetThrough: AddLetThroughResult;
  removeLetThrough: LetThroughView;
  setSiteMode: SitesView;
  setSiteTuck: SitesView;
  calm: CalmView;
  wayThrough: CalmView;
  parkThought: ThoughtsView;
  thoughts: ThoughtsView;
  thoughtAction: ThoughtsView;
  /** The history reflection is worked out from, in the reflection page (which counts the favourites itself). */
  reflection: Omit<ReflectionSource, 'favourites'>;
  clearHistory: { ok: true };
  settings: SettingsView;
  saveSchedule: SaveResult;
  savePreferences: SaveResult;
  saveChildAges: SaveResult;
  skip: SettingsView;
  importSettings: { ok: true; view: SettingsView } | { ok: false; error: string };
  weekly: WeeklyView;
  chooseMoments: ChooseMomentsResult;
  saveWeeklyChoice: SaveResult;
}

/** Everything the settings pages show, as stored now. */
export interface SettingsView {
  settings: Settings;
  /** Plain sentences about stored settings (or the organisation's policy) Hearth had to set aside. */
  problems: string[];
  /** The parent's own settings, for their settings file: nothing of their organisation's. */
  own: Settings;
  /** Where settings live: the browser's sync, or this device only (with why). */
  storage: { area: 'sync' | 'local'; note: string | null };
}

/** A save either happens whole, or not at all with one sentence per problem. */
export type SaveResult = { ok: true; view: SettingsView } | { ok: false; problems: string[] };

/** Parked work thoughts: kept while family time is on, handed back gently afterwards. */
export interface ThoughtsView {
  /** Parked during the family time that is on now. */
  waiting: ParkedThought[];
  /** Handed back after family time ended, not yet marked done or cleared. */
  handedBack: ParkedThought[];
}

export type Response<T extends Request['type']> = ResponseMap[T];

/**
 * What a content script may say: that it is here, what it held back, that a set-aside
 * page stopped loading. Content scripts report; the one thing they ask for is a way
 * through, on the parent's own click in the overlay, for their own tab's site only.
 */
export const ContentReportSchema = v.variant('type', [
  v.object({ type: v.literal('hello') }),
  v.object({ type: v.literal('setAside') }),
  v.object({ type: v.literal('wayThrough') }),
  // How many notifications the page's stand-ins held back since this tab's last report.
  // The worker adds it to one row per boundary, site and tab; a report just after the
  // boundary ended still counts for that boundary.
  v.object({ type: v.literal('held'), count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)) }),
  // A held notification that names one of the parent's let-through rules (matched in the
  // content script; the worker checks again). Its words go no further than a notification.
  v.object({ type: v.literal('letThrough'), title: v.pipe(v.string(), v.maxLength(300)), body: v.pipe(v.string(), v.maxLength(1000)) }),
  // The page went out of sight (the parent looked away from it): a tab of a tucked site
  // that was in front when family time began is tucked away now.
  v.object({ type: v.literal('outOfSight') }),
  // The page went (followed a link, was closed or reloaded): the worker looks where its tab went.
  v.object({ type: v.literal('gone') }),
]);

/** What one work tab shows during a boundary. */
export interface TabPlan {
  siteId: string;
  /** What the parent calls the site ("Slack"). */
  name: string;
  mode: SiteMode;
  /** How long the overlay's way through lasts. */
  wayThroughMinutes: number;
  /** When family time ends, or null when not known. */
  until: number | null;
  /** When family time begins, while it is armed a few seconds ahead; null or absent: it is on. */
  from?: number | null;
  /** The parent's let-through words for this site, for Hearth's isolated script only. */
  letThrough?: string[];
  /** The site's tabs are tucked away: a tab in front goes once the page is out of sight. */
  tuck?: true;
  /** Told a page loading under Chromium's block: the parent allowed its notifications (it reads denied). */
  granted?: true;
}

/** The worker's word to a work tab when its plan changes (null: back to normal). */
export interface PlanPush {
  type: 'hearth:plan';
  plan: TabPlan | null;
}

/**
 * Host access was taken back: Hearth can no longer reach those tabs to put them back,
 * so each work tab asks (hello) whether it is still seen, and puts itself back if not.
 */
export interface AccessGonePush {
  type: 'hearth:access-gone';
}
