// What Hearth's content scripts in work tabs say, answered for the sender's own tab only:
// hello (mute it, and here is its plan), notifications held (counted), one that names a
// let-through word (checked and shown), a set-aside page stopped, the overlay's way
// through on the parent's own click, and a page gone. Reads of stored state; only a way
// through, and a tab gone on from its work site, change what should be.
import { browser, type Runtime } from './ext';
import type * as v from 'valibot';
import type { ContentReportSchema, TabPlan } from '../messages';
import { wayThrough } from './commands';
import { openHistory } from './history';
import { tabPlanFor } from './enforcers/sites';
import { setAside } from './enforcers/calmPages';
import { muteTab } from './enforcers/mute';
import { allowedUnderBlock } from './enforcers/notifications';
import { isWaiting } from './enforcers/tuck';
import { inTurn, reconcileSoon, repairIfUnsettled } from './reconcile';
import { letThrough } from './letThrough';
import { desiredForPages, loadSettings } from './store';
import { spanOf } from '../core/desired';
import { compileSites } from '../core/siteMatching';
import { activeAt, occurrenceKey } from '../core/schedule';
import { siteName } from '../core/sites';
import type { Settings } from '../core/settings/schema';

export function contentReport(message: v.InferOutput<typeof ContentReportSchema>, sender: Runtime.MessageSender): Promise<unknown> {
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
    case 'outOfSight':
      return outOfSight(sender);
    case 'gone':
      return pageGone(sender);
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

/** The plan for `address` now (by default the sender's tab's), from stored state (no effect applied). */
async function senderPlan(sender: Runtime.MessageSender, now: number, address = sender.tab?.url): Promise<TabPlan | null> {
  const { desired, settings } = await desiredForPages(now);
  return tabPlanFor(address, desired.sites, spanOf(desired), settings.preferences.dimWayThroughMinutes, settings.letThrough);
}

const web = (address: string | undefined): address is string => /^https?:/.test(address ?? '');

/**
 * The address a frame speaks for: its own, or for a blank frame or popup a work page made
 * (about:blank, about:srcdoc) the origin that made it (given since Chromium 80 and
 * Firefox 126); else its tab's.
 */
function addressOf(sender: Runtime.MessageSender): string | undefined {
  if (web(sender.url)) return sender.url;
  const { origin } = sender as { origin?: string };
  return web(origin) ? `${origin}/` : sender.tab?.url;
}

/** Host access to an address, as a match pattern (a trailing dot read as the same host). */
const accessTo = (address: string): string => {
  const { protocol, hostname } = new URL(address);
  return `${protocol}//${hostname.replace(/\.$/, '')}/*`;
};

/**
 * Whether Hearth can still reach the frame at `address`: that address, and for a frame
 * within a page, the page's too (the end of family time reaches frames through their tab).
 * The parent can take host access back in the browser's own settings, and the sender's
 * address is still given after, so the permission itself is asked.
 */
async function reachable(sender: Runtime.MessageSender, address: string): Promise<boolean> {
  try {
    const origins = new Set([accessTo(address)]);
    if (sender.frameId !== 0 && sender.tab) {
      // Firefox leaves out the address of a tab Hearth has no access to.
      if (!web(sender.tab.url)) return false;
      origins.add(accessTo(sender.tab.url));
    }
    return await browser.permissions.contains({ origins: [...origins] });
  } catch {
    return false; // none Hearth could ask about
  }
}

/**
 * A work page loaded during family time said hello (or a frame asked again, woken from
 * freezing or told host access was taken back): its tab is muted at once (not while family
 * time is only armed: the start mutes) and told what to show, and nothing else is touched
 * (every other effect is in place already). No plan puts the frame back: Hearth can no
 * longer reach it, or family time is over for it, when the scripts outlived what should be
 * (an apply cut short), which is repaired.
 */
async function planForTab(sender: Runtime.MessageSender): Promise<TabPlan | null> {
  const address = addressOf(sender);
  if (!address) return null;
  const [plan, canReach, allowed] = await Promise.all([senderPlan(sender, Date.now(), address), reachable(sender, address), allowedUnderBlock(address)]);
  if (!canReach) return null;
  if (plan && allowed) plan.granted = true;
  const tabId = sender.tab?.id;
  if (plan && plan.from == null && tabId !== undefined && mutes(sender)) await inTurn(() => muteTab(tabId));
  if (!plan) await repairIfUnsettled();
  return plan;
}

/**
 * Whether a hello mutes its tab: only a work page's own, showing in its tab still. Not a
 * frame's (a work site's frame may sit in a page that is not one), nor a blank popup's
 * (Hearth finds work tabs by address, and would let it go again at the next reconcile), nor
 * one sent just as the tab went on to another host (a sign-in page, say).
 */
function mutes(sender: Runtime.MessageSender): boolean {
  if (sender.frameId !== 0 || !web(sender.url)) return false;
  const shown = sender.tab?.url;
  return !web(shown) || new URL(shown).hostname === new URL(sender.url).hostname;
}

/**
 * A page of a set-aside site stopped loading: the calm page takes its place. If it
 * is no longer set aside (a way through opened, family time ended just now), the
 * scripts are out of date: reconcile, and the page loads after all.
 */
async function setAsidePage(sender: Runtime.MessageSender): Promise<{ stay: boolean }> {
  const plan = await senderPlan(sender, Date.now());
  const tabId = sender.tab?.id;
  if (plan?.mode === 'set-aside' && plan.from == null && tabId !== undefined && sender.tab?.url) {
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

/** The parent looked away from a work tab that was in front as its site was tucked: it goes now. */
async function outOfSight(sender: Runtime.MessageSender): Promise<null> {
  const tabId = sender.tab?.id;
  if (tabId !== undefined && (await isWaiting(tabId))) await reconcileSoon();
  return null;
}

/**
 * A work page went (its top frame's pagehide). If its tab went on to a page of no work
 * site (a cartoon for the children after dinner's last email), Hearth's mute goes with
 * it: the tab is looked at until it shows another address, for six seconds (a reload, or
 * a tab closed, changes nothing; another work page says hello). Looked at, not listened
 * for: a listener for every tab's updates would start the worker at every page load.
 */
async function pageGone(sender: Runtime.MessageSender): Promise<null> {
  // (A blank popup a work page made is no work tab: Hearth never muted it.)
  const tabId = web(sender.url) ? sender.tab?.id : undefined;
  for (let wait = 100; tabId !== undefined && wait < 5000; wait *= 2) {
    await new Promise((later) => setTimeout(later, wait));
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab) break;
    // (An address Hearth has no access to is not given: no work site's.)
    if (tab.url !== sender.url) {
      if (!tab.url || !(await senderPlan(sender, Date.now(), tab.url))) await reconcileSoon();
      break;
    }
  }
  return null;
}
