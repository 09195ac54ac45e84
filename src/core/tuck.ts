// Tucking work tabs away during family time, and giving them back exactly as they were:
// what Hearth remembers of each tab it tucked, and the pure rules the enforcer
// (background/enforcers/tuck.ts) follows. The clock and the browser stay out.

/** A tab group as the parent had it: put back with the tab, or made again if it is gone. */
export interface GroupBefore {
  /** The group's id when the tab was tucked (ids change when the browser restarts). */
  id: number;
  title: string;
  color: string;
  collapsed: boolean;
}

/** One tab Hearth tucked away, and where it was. */
export interface TuckedTab {
  tabId: number;
  siteId: string;
  /** Its address when tucked: how it is known again after the browser restarts. */
  url: string;
  index: number;
  pinned: boolean;
  group: GroupBefore | null;
  /**
   * tucking: written before it is moved (a worker stopped mid-way finishes it);
   * tucked: away; returning: written before it is given back (finished likewise).
   */
  state: 'tucking' | 'tucked' | 'returning';
}

/** The tabs tucked away in one window, and (Chromium) the group that holds them. */
export interface TuckWindow {
  windowId: number;
  /** Hearth's collapsed group in this window (Chromium); null when hidden instead (Firefox) or not made yet. */
  groupId: number | null;
  tabs: TuckedTab[];
  /** Hearth unfolded its group as the end neared (to wake the tabs): folded again if the end then moves later. */
  woken?: true;
}

/** A work tab that was in front when its site was tucked: it goes once the parent looks away. */
export interface WaitingTab {
  tabId: number;
  siteId: string;
}

/**
 * Everything Hearth must know to give the tabs back, kept in storage.local (it outlives a
 * browser restart; tab, window and group ids do not, so it keeps addresses too).
 */
export interface TuckRecord {
  /** The sites tucked in this family time: a tab of theirs opened later is the parent's, and left where it is. */
  sites: string[];
  windows: TuckWindow[];
  waiting: WaitingTab[];
}

export const emptyRecord = (): TuckRecord => ({ sites: [], windows: [], waiting: [] });

export function isTuckRecord(value: unknown): value is TuckRecord {
  const r = value as TuckRecord | null;
  return Boolean(r) && Array.isArray(r?.sites) && Array.isArray(r?.windows) && Array.isArray(r?.waiting);
}

export const isEmptyRecord = (r: TuckRecord): boolean => r.sites.length === 0 && r.waiting.length === 0 && r.windows.every((w) => w.tabs.length === 0);

/** Tabs given back one after another from the left: each lands where it was, since all before it already are. */
export const returnOrder = (tabs: readonly TuckedTab[]): TuckedTab[] => [...tabs].sort((a, b) => a.index - b.index);

/** A tab as it is now, in the few fields matching needs. */
export interface TabNow {
  id: number;
  windowId: number;
  url: string;
  /** Chromium: its group (-1 for none). */
  groupId: number;
  /** Firefox: hidden. */
  hidden: boolean;
}

/** Where a window's tucked tabs are now: the tabs of one group (Chromium), or one window's hidden tabs (Firefox). */
export interface Holder {
  windowId: number;
  groupId: number | null;
  tabs: TabNow[];
}

/** The tabs that hold tucked tabs now, one holder per group, or per window's hidden tabs. */
export function holdersOf(tabs: readonly TabNow[], by: 'group' | 'hidden'): Holder[] {
  const holders = new Map<string, Holder>();
  for (const tab of tabs) {
    if (by === 'group' ? tab.groupId === -1 : !tab.hidden) continue;
    const key = by === 'group' ? `g${tab.groupId}` : `w${tab.windowId}`;
    const holder = holders.get(key) ?? { windowId: tab.windowId, groupId: by === 'group' ? tab.groupId : null, tabs: [] };
    holder.tabs.push(tab);
    holders.set(key, holder);
  }
  return [...holders.values()];
}

/** Each recorded tab paired with the first unclaimed tab of the same address in `holder`. */
function pair(recorded: readonly TuckedTab[], holder: Holder): Map<TuckedTab, TabNow> {
  const free = [...holder.tabs];
  const pairs = new Map<TuckedTab, TabNow>();
  for (const tab of recorded) {
    const i = free.findIndex((t) => t.url === tab.url);
    if (i >= 0) pairs.set(tab, free.splice(i, 1)[0]!);
  }
  return pairs;
}

/**
 * After the browser restarted, every id is new: each window's tucked tabs are found
 * again as the holder (group, or hidden tabs) whose addresses best match theirs, the
 * best matches first, one holder per window. A recorded window with no match is
 * returned in `unfound` (its tabs may not be restored yet); a recorded tab with no
 * match in its holder is gone.
 */
export function refind(record: TuckRecord, holders: readonly Holder[]): { record: TuckRecord; unfound: TuckWindow[] } {
  const scored = record.windows.flatMap((w) => holders.map((h) => ({ w, h, pairs: pair(w.tabs, h) })));
  scored.sort((a, b) => b.pairs.size - a.pairs.size);
  const takenW = new Set<TuckWindow>();
  const takenH = new Set<Holder>();
  const windows: TuckWindow[] = [];
  for (const { w, h, pairs } of scored) {
    if (pairs.size === 0 || takenW.has(w) || takenH.has(h)) continue;
    takenW.add(w);
    takenH.add(h);
    const tabs = w.tabs.flatMap((tab) => {
      const now = pairs.get(tab);
      return now ? [{ ...tab, tabId: now.id }] : [];
    });
    windows.push({ windowId: h.windowId, groupId: h.groupId, tabs });
  }
  const unfound = record.windows.filter((w) => !takenW.has(w) && w.tabs.length > 0);
  // Tabs that were in front were never tucked; after a restart they are simply the parent's.
  return { record: { sites: record.sites, windows, waiting: [] }, unfound };
}
