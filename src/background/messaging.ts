// Messages are accepted only in the shapes of the map: requests from Hearth's
// own pages, and reports from its content scripts ("I am a work tab here").
import { browser, type Runtime } from './ext';
import * as v from 'valibot';
import {
  ContentReportSchema,
  RequestSchema,
  type CalmView,
  type Request,
  type ResponseMap,
  type StatusView,
  type TabPlan,
} from '../messages';
import { endNow, startFocus, wayThrough } from './commands';
import { openHistory } from './history';
import { tabPlanFor } from './enforcers/sites';
import { setAside } from './enforcers/calmPages';
import { inTurn, reconcileSoon, repairIfUnsettled } from './reconcile';
import { muteTab } from './enforcers/mute';
import { letThrough } from './letThrough';
import { addLetThrough, letThroughView, removeLetThrough } from './letThroughCommands';
import { addSite, removeSite, renameSite, setSiteMode, siteName, sitesView } from './siteCommands';
import { addCustomPrompt, promptAction, promptNow } from './prompts';
import { clearHistory, exportHistory, reflectionView } from './reflection';
import { exportSettings, importSettings, saveChildAges, savePreferences, saveSchedule, setSkip, settingsView } from './settingsCommands';
import { desiredNow, loadSettings } from './store';
import { compileSites } from '../core/siteMatching';
import { activeAt, occurrenceKey } from '../core/schedule';
import type { Settings } from '../core/settings/schema';
import { parkThought, thoughtAction, thoughtsView } from './thoughts';

/**
 * Whether `url` is on Hearth's own origin. A prefix test rather than URL#origin: an
 * engine may give an extension URL an opaque origin ("null", as Node does), and "null"
 * is also the origin of about:blank and data: frames. Never throws.
 */
function isOwnUrl(url: string | undefined): boolean {
  return url !== undefined && url.startsWith(browser.runtime.getURL('/'));
}

export function isOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && isOwnUrl(sender.url);
}

/** One of our content scripts, in a web page's tab. */
function isOwnContentScript(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && !isOwnPage(sender);
}

/** Where the parent stands: a read. After a change, asked once the change is applied. */
async function statusAt(now: number): Promise<StatusView> {
  const { desired, problems } = await desiredNow(now);
  return { now, active: desired.active, until: desired.until, next: desired.next, problems };
}

async function calmOf(siteId: string, address: string | undefined, now: number): Promise<CalmView> {
  const { desired, settings, passes } = await desiredNow(now);
  const site = settings.sites.find((s) => s.id === siteId);
  const pass = passes.find((p) => p.siteId === siteId);
  // The calm page goes back only to a page of the very site it stands in for.
  const returnTo = site && address && compileSites([site]).siteFor(address) ? address : null;
  return {
    name: site ? siteName(site) : '',
    returnTo,
    until: desired.until,
    wayThroughMinutes: settings.preferences.dimWayThroughMinutes,
    passUntil: pass?.until ?? null,
  };
}

/** Answers once the change is in force (badge, alarm, work sites), so the page's next look is true. */
async function applied<T>(change: Promise<T>): Promise<T> {
  const answer = await change;
  await reconcileSoon();
  return answer;
}

async function respond(request: Request): Promise<ResponseMap[Request['type']]> {
  const now = Date.now();
  switch (request.type) {
    case 'status':
      return statusAt(now);
    case 'startFocus':
      await applied(startFocus(now, request.minutes));
      return statusAt(Date.now());
    case 'endNow':
      await applied(endNow(now, (await desiredNow(now)).desired.active));
      return statusAt(Date.now());
    case 'sites':
      return sitesView();
    case 'addSite':
      return applied(addSite(request.pattern, request.mode));
    case 'removeSite':
      return applied(removeSite(request.id));
    case 'setSiteMode':
      return applied(setSiteMode(request.id, request.mode));
    case 'renameSite':
      return applied(renameSite(request.id, request.name));
    case 'letThrough':
      return letThroughView();
    case 'addLetThrough':
      return applied(addLetThrough(request.text, request.siteId));
    case 'removeLetThrough':
      return applied(removeLetThrough(request.id));
    case 'calm':
      return calmOf(request.siteId, request.address, now);
    case 'wayThrough':
      await wayThrough(now, request.siteId, (await desiredNow(now)).desired.until);
      await reconcileSoon();
      return calmOf(request.siteId, undefined, Date.now());
    case 'prompt':
      return promptNow(request.kind, now);
    case 'promptAction':
      return promptAction(request.id, request.action);
    case 'addPrompt':
      return addCustomPrompt(request.text, request.kind);
    case 'parkThought':
      return parkThought(request.text, now);
    case 'thoughts':
      return thoughtsView();
    case 'thoughtAction':
      return thoughtAction(request.id, request.action, now);
    case 'reflection':
      return reflectionView(now);
    case 'exportHistory':
      return exportHistory();
    case 'clearHistory':
      return clearHistory();
    case 'settings':
      return settingsView();
    case 'saveSchedule':
      return applied(saveSchedule(request.schedule));
    case 'savePreferences':
      return applied(savePreferences(request.preferences));
    case 'saveChildAges':
      return applied(saveChildAges(request.ages));
    case 'skip':
      return applied(setSkip(request.windowId, request.date, request.skipped));
    case 'exportSettings':
      return exportSettings(now);
    case 'importSettings':
      return applied(importSettings(request.text));
  }
}

/**
 * The boundary a report belongs to, from settings and the clock (a report is a read: no
 * reconcile): the active one that began first, so a tab keeps one row while another
 * boundary starts on top. Null when none is on.
 */
function boundaryAt(settings: Settings, now: number): string | null {
  const [first] = activeAt(settings.schedule, now).sort((a, b) => a.start - b.start);
  return first ? occurrenceKey(first) : null;
}

/** A work tab held back notifications: counted for reflection, for a listed work site only. */
async function recordHeld(sender: Runtime.MessageSender, count: number): Promise<null> {
  // The last report of a boundary arrives as it ends, so family time need not be on still.
  const { settings } = await loadSettings();
  const site = compileSites(settings.sites).siteFor(sender.tab?.url ?? sender.url ?? '');
  const tabId = sender.tab?.id;
  if (!site || tabId === undefined) return null;
  const at = Date.now();
  const history = await openHistory();
  try {
    await history.countHeld({ at, boundary: boundaryAt(settings, at), siteId: site.id, label: siteName(site), tabId, count });
  } finally {
    history.close();
  }
  return null;
}

/** The plan for the sender's own tab now, from stored state (no effect applied). */
async function senderPlan(sender: Runtime.MessageSender, now: number): Promise<TabPlan | null> {
  const { desired, settings } = await desiredNow(now);
  return tabPlanFor(sender.tab?.url, desired.sites, desired.until, settings.preferences.dimWayThroughMinutes);
}

/**
 * A work page loaded during family time said hello: its tab is muted at once and told
 * what to show, and nothing else is touched (every other effect is in place already).
 * No plan means the scripts outlived what should be (an apply cut short): repaired.
 */
async function planForTab(sender: Runtime.MessageSender): Promise<TabPlan | null> {
  const plan = await senderPlan(sender, Date.now());
  const tabId = sender.tab?.id;
  if (plan && tabId !== undefined) await inTurn(() => muteTab(tabId));
  if (!plan) await repairIfUnsettled();
  return plan;
}

/**
 * A page of a set-aside site stopped loading: the calm page takes its place. If it
 * is no longer set aside (a way through opened, family time ended just now), the
 * scripts are out of date: reconcile, and the page loads after all.
 */
async function setAsidePage(sender: Runtime.MessageSender): Promise<{ stay: boolean }> {
  const plan = await senderPlan(sender, Date.now());
  const tabId = sender.tab?.id;
  if (plan?.mode === 'set-aside' && tabId !== undefined && sender.tab?.url) {
    await setAside(tabId, plan.siteId, sender.tab.url);
    return { stay: false };
  }
  await repairIfUnsettled();
  return { stay: true };
}

/** The parent clicked the overlay's way through: for the sender tab's own site, only while it is dimmed or set aside. */
async function overlayWayThrough(sender: Runtime.MessageSender): Promise<null> {
  const now = Date.now();
  const plan = await senderPlan(sender, now);
  if (!plan || plan.mode === 'quiet') return null;
  await wayThrough(now, plan.siteId, plan.until);
  await reconcileSoon();
  return null;
}

/**
 * Only Hearth's own pages in their own tab or popup: never one inside a web page. A
 * frame id above 0 says framed even where Chromium leaves the tab's url out (Hearth has
 * no host access to the page around it).
 */
function framedInWebPage(sender: Runtime.MessageSender): boolean {
  if (sender.tab === undefined) return false;
  const top = sender.tab.url;
  return (sender.frameId ?? 0) > 0 || (top !== undefined && !isOwnUrl(top));
}

export function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  if (isOwnPage(sender)) {
    const parsed = v.safeParse(RequestSchema, message);
    if (!parsed.success || framedInWebPage(sender)) return undefined;
    return respond(parsed.output);
  }
  if (isOwnContentScript(sender) && v.is(ContentReportSchema, message)) {
    switch (message.type) {
      case 'held':
        return recordHeld(sender, message.count);
      case 'letThrough':
        return senderPlan(sender, Date.now()).then((plan) => letThrough(sender, plan, message.title, message.body, Date.now()));
      case 'setAside':
        return setAsidePage(sender);
      case 'wayThrough':
        return overlayWayThrough(sender);
      case 'hello':
        return planForTab(sender);
    }
  }
  return undefined;
}
