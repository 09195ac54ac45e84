// The tab strip's part of tucking work tabs away, one engine at a time. Chromium: one
// collapsed tab group per window ("Work · back at 7:30 PM", grey), and each tab given
// back to its index, its own group (made again, with its title, colour and collapsed
// state, if it is gone) and its pin. Firefox: the tabs hidden where they are
// (tabs.hide), and shown again in place. Both unpin a tab to tuck it (neither a group
// nor hiding takes a pinned tab) and pin it again when it comes back. Neither ever
// changes which tab is in front: a tab in front is never tucked.
import { browser, isFirefox, tabGroups, type GroupColor, type Tabs } from '../ext';
import type { GroupBefore, TabNow, TuckedTab, TuckWindow } from '../../core/tuck';
import { returnOrder } from '../../core/tuck';

const CALM: GroupColor = 'grey';

export interface Strip {
  /** The optional permission it needs, asked for in the click that turns tucking on. */
  permission: 'tabGroups' | 'tabHide';
  /** How its tucked tabs are found again after a restart. */
  holds: 'group' | 'hidden';
  /** Whether `tab` is still tucked away in `w`. */
  holding(tab: Tabs.Tab, w: TuckWindow): boolean;
  /** The group a tab is in now, as the parent sees it (Chromium); null for none. */
  groupOf(tab: Tabs.Tab): Promise<GroupBefore | null>;
  /** Tucks `tabs` away in `w`'s window; the group holding them (Chromium), else null. */
  tuck(w: TuckWindow, tabs: TuckedTab[], title: string): Promise<number | null>;
  /** Gives `tabs` back in `w`'s window, each where it was. */
  giveBack(w: TuckWindow, tabs: TuckedTab[]): Promise<void>;
  /** Retitles Hearth's group when the end of family time moved and the parent kept Hearth's title. */
  retitle(w: TuckWindow, from: string, to: string): Promise<void>;
  /**
   * Wakes the tabs tucked away in `w` ahead of the end (`awake`), leaving them away:
   * unfolding the group is what unfreezes them in Chromium; or lets them sleep again
   * (folds it) when the end moved later. Says whether it changed the group.
   */
  wake(w: TuckWindow, awake: boolean): Promise<boolean>;
}

export const tabNow = (tab: Tabs.Tab): TabNow => ({
  id: tab.id ?? -1,
  windowId: tab.windowId ?? -1,
  url: tab.url ?? '',
  groupId: (tab as { groupId?: number }).groupId ?? -1,
  hidden: tab.hidden === true,
});

const quietly = <T>(call: Promise<T>): Promise<T | undefined> => call.catch(() => undefined);

/**
 * Moves tabs, in this order, to `index` on, or to the end when the window has fewer tabs
 * now; the tabs as they are after it (none if neither move could be made).
 */
async function moveTo(tabIds: number | number[], index: number): Promise<Tabs.Tab[]> {
  const moved = await browser.tabs.move(tabIds, { index }).catch(() => quietly(browser.tabs.move(tabIds, { index: -1 })));
  return ([] as Tabs.Tab[]).concat(moved ?? []);
}

/**
 * Tabs that go back side by side (each at the index after the one before, pinned alike,
 * in the same group or none), so each run is one move and at most one grouping: fifty tabs
 * given back one by one took the browser seconds.
 */
function runsOf(tabs: readonly TuckedTab[]): TuckedTab[][] {
  const runs: TuckedTab[][] = [];
  for (const tab of tabs) {
    const last = runs.at(-1)?.at(-1);
    const joins = last && tab.index === last.index + 1 && tab.pinned === last.pinned && (tab.group?.id ?? null) === (last.group?.id ?? null);
    if (joins) runs.at(-1)!.push(tab);
    else runs.push([tab]);
  }
  return runs;
}

const groups = tabGroups;

const chromium: Strip = {
  permission: 'tabGroups',
  holds: 'group',
  holding: (tab, w) => w.groupId !== null && tab.windowId === w.windowId && tabNow(tab).groupId === w.groupId,

  async groupOf(tab) {
    const id = tabNow(tab).groupId;
    if (id === -1) return null;
    const g = await quietly(groups()!.get(id));
    return g ? { id, title: g.title ?? '', color: g.color, collapsed: g.collapsed } : null;
  },

  async tuck(w, tabs, title) {
    const tabIds = tabs.map((t) => t.tabId) as [number, ...number[]];
    const api = groups()!;
    const existing = w.groupId === null ? undefined : await quietly(api.get(w.groupId));
    // A pinned tab joins a group unpinned; the record keeps that it was pinned.
    const mine = existing && existing.windowId === w.windowId;
    const groupId = mine ? existing.id : await browser.tabs.group({ tabIds, createProperties: { windowId: w.windowId } });
    if (mine) await browser.tabs.group({ groupId, tabIds });
    // Titled, folded and at the end of the window, also when a run cut short made the group
    // and stopped before it was (its title then still empty; a title of the parent's stays).
    await api.update(groupId, mine && existing.title ? { collapsed: true } : { title, color: CALM, collapsed: true });
    await quietly(api.move(groupId, { index: -1 }));
    return groupId;
  },

  async giveBack(w, tabs) {
    // Without the permission now (taken back meanwhile), tabs still go back to their places.
    const api = groups();
    // The parent's groups as they are now: the same one (its title may be theirs now), or
    // after a restart one of the same title and colour; made again on first need otherwise.
    const now = new Map<number, number | null>();
    /** How each of the parent's groups given tabs back folds at the end: as it was (made again), as it is now (the same). */
    const fold = new Map<number, boolean>();
    // Asked of the browser in this order, without waiting for each answer in turn: the
    // browser carries out a window's moves in the order asked, and in the busiest moment of
    // the end each wait is a turn behind every page being put back.
    // Hearth's group out of the way first, at the end of the window, so that no tab given
    // back lands inside it (a run cut short may have left it among the parent's tabs).
    // Unfolded too: Chromium freezes the tabs of a folded group, and a tab moved out of it
    // stays frozen (its page can't be put back) until the parent looks at it; unfolding wakes them.
    const aside =
      api && w.groupId !== null ? Promise.all([quietly(api.move(w.groupId, { index: -1 })), quietly(api.update(w.groupId, { collapsed: false }))]) : undefined;
    // Tabs that were in no group leave Hearth's at once, in one call, before any moves (a
    // move first and a call to leave the group after, per run, took a third of the end on
    // 50 tabs). One tab closed meanwhile fails the whole call: then the others one by one.
    const loose = tabs.filter((t) => !t.pinned && !t.group).map((t) => t.tabId);
    const out = loose.length ? browser.tabs.ungroup(loose).catch(() => Promise.all(loose.map((id) => quietly(browser.tabs.ungroup(id))))) : undefined;
    // Asked only when a tab was in a group of the parent's before.
    const inWindow = api && tabs.some((t) => t.group) ? await quietly(api.query({ windowId: w.windowId })) : undefined;
    await Promise.all([aside, out]);
    for (const { group } of tabs) {
      if (!group || now.has(group.id)) continue;
      const same = inWindow?.find((g) => g.id === group.id);
      // Not the same group (it went, or the browser restarted): one of its title and colour
      // is the one made again (by a run cut short, or by the browser's session), and folds as it was.
      const again = same ? undefined : inWindow?.find((g) => g.id !== w.groupId && g.title === group.title && g.color === group.color);
      now.set(group.id, (same ?? again)?.id ?? null);
      if (same) fold.set(same.id, same.collapsed);
      if (again) fold.set(again.id, group.collapsed);
    }
    for (const run of runsOf(returnOrder(tabs))) {
      const ids = run.map((t) => t.tabId);
      const [first] = run as [TuckedTab, ...TuckedTab[]];
      if (first.pinned) await Promise.all(ids.map((id) => quietly(browser.tabs.update(id, { pinned: true }))));
      // Every tab to the left of the run is where it was: the index alone puts the run
      // between the same neighbours. A group's edge is not inside it, so joining is asked for after.
      const moved = await moveTo(ids, first.index);
      if (first.pinned) continue;
      if (first.group) {
        const groupId = now.get(first.group.id) ?? null;
        if (groupId === null) {
          const remade = await browser.tabs.group({ tabIds: ids as [number, ...number[]], createProperties: { windowId: w.windowId } });
          now.set(first.group.id, remade);
          fold.set(remade, first.group.collapsed);
          if (api) await quietly(api.update(remade, { title: first.group.title, color: first.group.color as GroupColor }));
        } else {
          await browser.tabs.group({ groupId, tabIds: ids as [number, ...number[]] });
        }
        continue;
      }
      // Landed inside a group (the parent made one around its place meanwhile): out of it.
      // The browser sets it just outside, at the group's nearer edge; moved to its index
      // again, it would join the group again. The move says where each tab went (a move
      // that could not be made, a tab closed meanwhile, left them where they were).
      const joined = moved.filter((t) => tabNow(t).groupId !== -1);
      if (joined.length) await quietly(browser.tabs.ungroup(joined.map((t) => t.id!)));
    }
    if (!api) return;
    // Tabs of other sites still tucked away: folded again.
    if (w.groupId !== null && (await quietly(api.get(w.groupId)))) await quietly(api.update(w.groupId, { collapsed: true }));
    for (const [groupId, collapsed] of fold) {
      const g = await quietly(api.get(groupId));
      if (g && g.collapsed !== collapsed) await quietly(api.update(groupId, { collapsed }));
    }
  },

  async retitle(w, from, to) {
    if (w.groupId === null) return;
    const g = await quietly(groups()!.get(w.groupId));
    if (g?.title === from && from !== to) await quietly(groups()!.update(w.groupId, { title: to }));
  },

  async wake(w, awake) {
    const api = groups();
    if (!api || w.groupId === null) return false;
    const g = await quietly(api.get(w.groupId));
    if (!g || g.collapsed !== awake) return false;
    return (await quietly(api.update(w.groupId, { collapsed: !awake }))) !== undefined;
  },
};

const firefox: Strip = {
  permission: 'tabHide',
  holds: 'hidden',
  holding: (tab, w) => tab.windowId === w.windowId && tab.hidden === true,
  groupOf: async () => null,

  async tuck(_w, tabs) {
    // Firefox hides no pinned tab: it is unpinned first (and pinned again at the end).
    await Promise.all(tabs.filter((t) => t.pinned).map((t) => quietly(browser.tabs.update(t.tabId, { pinned: false }))));
    await browser.tabs.hide(tabs.map((t) => t.tabId));
    return null;
  },

  async giveBack(_w, tabs) {
    await quietly(browser.tabs.show(tabs.map((t) => t.tabId)));
    // Shown tabs are where they were; a tab unpinned to hide it goes back among the pinned.
    for (const tab of returnOrder(tabs)) {
      if (!tab.pinned) continue;
      await quietly(browser.tabs.update(tab.tabId, { pinned: true }));
      await moveTo(tab.tabId, tab.index);
    }
  },

  retitle: async () => undefined,
  // Hidden tabs are not frozen for it: nothing to wake.
  wake: async () => false,
};

/** The strip of the browser Hearth runs in. */
export const strip = (): Strip => (isFirefox() ? firefox : chromium);
