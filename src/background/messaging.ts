// Messages are accepted only in the shapes of the map: requests from Hearth's
// own pages, and reports from its content scripts ("I am a work tab here"; those are
// answered in contentReports.ts).
import { browser, type Runtime } from './ext';
import * as v from 'valibot';
import {
  ContentReportSchema,
  RequestSchema,
  type CalmView,
  type Request,
  type ResponseMap,
  type StatusView,
} from '../messages';
import { endNow, startFocus, wayThrough } from './commands';
import { contentReport } from './contentReports';
import { reconcileSoon } from './reconcile';
import { letThroughRequest } from './letThroughCommands';
import { addSite, removeSite, renameSite, setSiteMode, setSiteTuck, siteName, sitesView } from './siteCommands';
import { clearHistory, reflectionSource } from './reflection';
import { importSettings, saveChildAges, savePreferences, saveSchedule, saveWeeklyChoice, setSkip, settingsView } from './settingsCommands';
import { chooseMoments, chosenOn, weeklyView } from './weekly';
import { desiredNow } from './store';
import { compileSites } from '../core/siteMatching';
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
  const { desired, problems, settings } = await desiredNow(now);
  return { now, active: desired.active, until: desired.until, next: desired.next, problems, chosen: chosenOn(desired.active, settings), childAges: settings.childAges };
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
    case 'setSiteTuck':
      return applied(setSiteTuck(request.id, request.tuck));
    case 'letThrough':
    case 'addLetThrough':
    case 'removeLetThrough':
      return letThroughRequest(request, applied);
    case 'calm':
      return calmOf(request.siteId, request.address, now);
    case 'wayThrough':
      await wayThrough(now, request.siteId, (await desiredNow(now)).desired.until);
      await reconcileSoon();
      return calmOf(request.siteId, undefined, Date.now());
    case 'parkThought':
      return parkThought(request.text, now);
    case 'thoughts':
      return thoughtsView();
    case 'thoughtAction':
      return thoughtAction(request.id, request.action, now);
    case 'reflection':
      return reflectionSource();
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
    case 'importSettings':
      return applied(importSettings(request.settings));
    case 'weekly':
      return weeklyView(now);
    case 'chooseMoments':
      return applied(chooseMoments(request, now));
    case 'saveWeeklyChoice':
      return applied(saveWeeklyChoice(request.choice));
  }
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
  if (isOwnContentScript(sender) && v.is(ContentReportSchema, message)) return contentReport(message, sender);
  return undefined;
}
