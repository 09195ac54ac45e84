// Work tabs tucked away during family time, for the sites the parent chose, and given
// back exactly as they were when it ends, when a way through opens for the site, or
// when the parent turns the choice off. The strip's own moves are in tuckStrip.ts.
//
// - Only tabs open when a site is tucked go: one the parent opens later is theirs, and
//   stays where they put it; so does a tab they drag out of Hearth's group (or show).
// - A tab in front is never whisked away: it waits until the parent looks away from it
//   (its page says so, content/outOfSight.ts), and is tucked then.
// - What Hearth must know to give tabs back is written to storage.local before any tab
//   moves, and each tab's state with it, so a worker stopped mid-way finishes the job on
//   its next run, and after a browser restart (new ids all round) the tabs are found
//   again by their addresses (core/tuck.ts `refind`). storage.session says whether this
//   is still the same browser session.
import { browser, type Tabs } from '../ext';
import type { WorkSite } from '../../core/settings/schema';
import {
  emptyRecord,
  holdersOf,
  isEmptyRecord,
  isTuckRecord,
  refind,
  returnOrder,
  type TuckedTab,
  type TuckRecord,
  type TuckWindow,
  type WaitingTab,
} from '../../core/tuck';
import { strip, tabNow, type Strip } from './tuckStrip';

const RECORD_KEY = 'tucked';
/** storage.session: the record was written in this browser session (its ids hold). */
const SESSION_KEY = 'tuckedIds';
/** How long after a restart Hearth keeps looking for a window whose tabs the browser has not restored yet. */
const REFIND_FOR_MS = 2 * 60_000;

export interface TuckWanted {
  /** Sites whose tabs are to be away now (family time on, the parent's choice, no way through open). */
  sites: ReadonlySet<string>;
  /** Which reachable work site a page belongs to, if any. */
  siteFor: (url: string) => WorkSite | null;
  /** The title of Hearth's group ("Work · back at 7:30 PM"). */
  title: string;
  /** The end is near: tucked tabs are woken (still away, still quiet), to be given back at once at the end. */
  wake?: boolean;
}

interface Stored extends TuckRecord {
  /** Windows not found again yet after a restart, and since when. */
  lost?: TuckWindow[];
  lostSince?: number;
  title?: string;
}

async function load(): Promise<{ record: Stored | null; sameSession: boolean }> {
  const [{ [RECORD_KEY]: record }, { [SESSION_KEY]: same }] = await Promise.all([
    browser.storage.local.get(RECORD_KEY),
    browser.storage.session.get(SESSION_KEY),
  ]);
  return { record: isTuckRecord(record) ? (record as Stored) : null, sameSession: same === true };
}

async function save(record: Stored | null): Promise<void> {
  if (record === null) {
    await Promise.all([browser.storage.local.remove(RECORD_KEY), browser.storage.session.remove(SESSION_KEY)]);
    return;
  }
  await Promise.all([browser.storage.local.set({ [RECORD_KEY]: record }), browser.storage.session.set({ [SESSION_KEY]: true })]);
}

export async function tuckAllowed(s: Strip = strip()): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: [s.permission] });
  } catch {
    return false;
  }
}

/**
 * Finds tucked tabs again by their addresses: after the browser restarted (or Hearth was
 * updated) every window of the record, else the windows not found yet.
 */
async function findAgain(record: Stored, restarted: boolean, s: Strip, tabs: Tabs.Tab[], now: number): Promise<Stored> {
  const known = restarted ? [] : record.windows;
  const lost = restarted ? [...record.windows, ...(record.lost ?? [])] : (record.lost ?? []);
  const key = (w: { windowId: number; groupId: number | null }) => (s.holds === 'group' ? `g${w.groupId}` : `w${w.windowId}`);
  const claimed = new Set(known.map(key));
  const holders = holdersOf(tabs.map(tabNow), s.holds).filter((h) => !claimed.has(key(h)));
  const found = refind({ ...record, windows: lost }, holders);
  return {
    ...record,
    windows: [...known, ...found.record.windows],
    // Tabs that were in front were never tucked; after a restart they are simply the parent's.
    waiting: restarted ? [] : record.waiting,
    lost: found.unfound,
    lostSince: found.unfound.length ? (record.lostSince ?? now) : undefined,
  };
}

/** Tabs that are no longer Hearth's to give back (closed, dragged out, shown) leave the record. */
function stillHeld(w: TuckWindow, byId: Map<number, Tabs.Tab>, s: Strip): TuckWindow {
  const tabs = w.tabs.filter((t) => {
    const tab = byId.get(t.tabId);
    if (!tab) return false;
    // Being tucked or given back by a run cut short: finished below, whatever it looks like now.
    return t.state !== 'tucked' || s.holding(tab, w);
  });
  // A run stopped between making the group and noting it: the group its tabs are in now.
  if (w.groupId === null && s.holds === 'group') {
    const moved = tabs.find((t) => t.state === 'tucking' && tabNow(byId.get(t.tabId)!).groupId !== (t.group?.id ?? -1));
    if (moved) return { ...w, groupId: tabNow(byId.get(moved.tabId)!).groupId, tabs };
  }
  return { ...w, tabs };
}

/** An index among the tabs left in a window, as it would be with `away` back at their own indices. */
function indexAmong(index: number, away: readonly TuckedTab[]): number {
  let at = index;
  for (const t of returnOrder(away)) if (t.index <= at) at++;
  return at;
}

async function before(tab: Tabs.Tab, siteId: string, s: Strip): Promise<TuckedTab> {
  return { tabId: tab.id!, siteId, url: tab.url ?? '', index: tab.index, pinned: tab.pinned, group: await s.groupOf(tab), state: 'tucking' };
}

export async function applyTuck(wanted: TuckWanted, now: number = Date.now()): Promise<void> {
  const s = strip();
  const wants = wanted.sites.size > 0;
  // The record and the permission asked together: at a start, each answer the tucking
  // waited for in turn came last of all the start's effects. Nothing to tuck away (family
  // time over): giving back needs no permission, and no asking.
  const [loaded, allowed] = await Promise.all([load(), wants && tuckAllowed(s)]);
  if (!loaded.record && !wants) return;
  let record: Stored = loaded.record ?? emptyRecord();
  // Asked once the record is read, as before: after a restart the browser may still be
  // restoring its windows, and their tabs are found again by what this query sees.
  const tabs = await browser.tabs.query({});
  const restarted = loaded.record !== null && !loaded.sameSession;
  if (restarted || record.lost?.length) record = await findAgain(record, restarted, s, tabs, now);
  const byId = new Map(tabs.filter((t) => t.id !== undefined).map((t) => [t.id!, t]));
  const sites = allowed ? wanted.sites : new Set<string>();

  // What goes back: the tabs of sites no longer tucked, and any a cut-short run was giving back.
  let windows = record.windows.map((w) => stillHeld(w, byId, s));
  windows = windows.map((w) => ({ ...w, tabs: w.tabs.map((t) => (sites.has(t.siteId) ? t : { ...t, state: 'returning' as const })) }));

  // What goes away: the tabs of sites tucked just now, and tabs in front that the parent has looked away from.
  const fresh = [...sites].filter((id) => !record.sites.includes(id));
  const recorded = new Set(windows.flatMap((w) => w.tabs.map((t) => t.tabId)));
  const waiting = record.waiting.filter((t) => sites.has(t.siteId) && byId.has(t.tabId) && !recorded.has(t.tabId));
  // The work tabs among them (as a query by the sites' patterns would find them).
  for (const tab of fresh.length ? tabs : []) {
    const site = tab.id !== undefined && !recorded.has(tab.id) ? wanted.siteFor(tab.url ?? '') : null;
    if (site && fresh.includes(site.id) && !waiting.some((t) => t.tabId === tab.id)) waiting.push({ tabId: tab.id!, siteId: site.id });
  }
  const away: TuckedTab[] = [];
  const stillWaiting: WaitingTab[] = [];
  for (const t of waiting) {
    const tab = byId.get(t.tabId);
    if (!tab) continue;
    if (tab.active) stillWaiting.push(t);
    else away.push(await before(tab, t.siteId, s));
  }
  for (const t of away) {
    const windowId = byId.get(t.tabId)!.windowId!;
    const w = windows.find((x) => x.windowId === windowId);
    if (!w) {
      windows.push({ windowId, groupId: null, tabs: [t] });
      continue;
    }
    // Its index now leaves out the tabs already in Hearth's group: counted back in, it says
    // where it is among the window's tabs as they were, as theirs do. (Hidden tabs keep theirs.)
    const inGroup = s.holds === 'group' ? w.tabs.filter((x) => x.tabId !== t.tabId && byId.has(x.tabId) && s.holding(byId.get(x.tabId)!, w)) : [];
    w.tabs.push({ ...t, index: indexAmong(t.index, inGroup) });
  }

  const title = wanted.title;
  record = { ...record, sites: record.sites.filter((id) => sites.has(id)).concat(fresh), windows, waiting: stillWaiting, title };
  const unchanged = JSON.stringify(record) === JSON.stringify(loaded.record);
  if (!unchanged) await save(record);

  // The strip, one window at a time (windows side by side), then the record as it now is.
  const done = await Promise.allSettled(windows.map((w) => settleWindow(w, s, title, loaded.record?.title, wanted.wake === true)));
  record.windows = done.flatMap((r, i) => (r.status === 'fulfilled' ? [r.value] : [windows[i]!])).filter((w) => w.tabs.length > 0);
  // Windows still not found a while after a restart were closed, or their tabs with them.
  if (record.lostSince !== undefined && now - record.lostSince > REFIND_FOR_MS) record = { ...record, lost: [], lostSince: undefined };
  if (isEmptyRecord(record) && !record.lost?.length) await save(null);
  else if (JSON.stringify(record) !== JSON.stringify(loaded.record)) await save(record);
  const failed = done.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  // Tabs the browser has not restored yet: not settled, so the next wake-up looks again.
  if (record.lost?.length) throw new Error('Hearth: tucked tabs not back yet');
}

async function settleWindow(w: TuckWindow, s: Strip, title: string, titleBefore: string | undefined, wake: boolean): Promise<TuckWindow> {
  const back = w.tabs.filter((t) => t.state === 'returning');
  if (back.length) await s.giveBack(w, back);
  const rest = w.tabs.filter((t) => t.state !== 'returning');
  const going = rest.filter((t) => t.state === 'tucking');
  let groupId = w.groupId;
  if (going.length) groupId = await s.tuck(w, going, title);
  const { woken: _, ...kept } = w;
  const settled: TuckWindow = { ...kept, groupId, tabs: rest.map((t) => ({ ...t, state: 'tucked' as const })) };
  if (titleBefore && titleBefore !== title && rest.length) await s.retitle(settled, titleBefore, title);
  // Woken as the end nears; folded again only if Hearth unfolded it and the end moved later
  // (a group the parent opened themselves is theirs to fold).
  if (!rest.length) return settled;
  if (wake) return (await s.wake(settled, true)) || w.woken ? { ...settled, woken: true } : settled;
  if (w.woken) await s.wake(settled, false);
  return settled;
}

/** A page reported it went out of sight: if its tab was waiting to be tucked away, it is worth a reconcile. */
export async function isWaiting(tabId: number): Promise<boolean> {
  const { record } = await load();
  return record?.waiting.some((t) => t.tabId === tabId) ?? false;
}
