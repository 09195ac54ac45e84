// Work tabs tucked away during family time (Chromium: one collapsed tab group per window)
// and given back exactly as they were: window, index, group (title, colour, collapsed),
// pin and the tab in front, for six work tabs across two windows, some grouped, one
// pinned. Family time starts and ends on its own alarm; the same with the worker stopped
// as the tabs are being tucked away, and with the browser restarted during family time.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { launch, type Hearth } from './harness';
import { ask, quietFixtureOnly, sleep } from './helpers';
import { profileAllowingNotifications, restoringTabs } from './profile';
import { seedFrom, seeded } from './seeded';

const OPTIONS = 'src/ui/options/index.html';
const TITLE = /^Work · back at \d{1,2}:\d{2}\s?[AP]M$/;

let site: FixtureServer;
beforeAll(async () => {
  site = await serveFixtures();
});
afterAll(async () => {
  await site?.close();
});

interface TabState {
  url: string;
  index: number;
  pinned: boolean;
  active: boolean;
  group: { title: string; color: string; collapsed: boolean } | null;
}

/** Every normal window's tabs in order (Hearth's own pages left out: the test's tools, not the parent's). */
async function layout(hearth: Hearth): Promise<TabState[][]> {
  const worker = await hearth.worker();
  return worker.evaluate(async () => {
    const windows = await chrome.windows.getAll({ populate: true, windowTypes: ['normal'] });
    // Hearth's own pages (the test's popup) are left out: known by the browser's list of
    // them, since Chromium 150 gives an extension no address for its own tabs.
    const own = new Set((await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.TAB] })).map((c) => c.tabId));
    const out: TabState[][] = [];
    for (const w of windows.sort((a, b) => a.id! - b.id!)) {
      const tabs = (w.tabs ?? [])
        .filter((t) => !own.has(t.id!) && !(t.url ?? t.pendingUrl ?? '').startsWith('chrome-extension://'))
        .sort((a, b) => a.index - b.index);
      const states: TabState[] = [];
      for (const t of tabs) {
        const g = t.groupId > 0 ? await chrome.tabGroups.get(t.groupId) : null;
        states.push({
          url: t.url || t.pendingUrl || '',
          index: t.index,
          pinned: t.pinned,
          active: t.active,
          group: g ? { title: g.title ?? '', color: g.color, collapsed: g.collapsed } : null,
        });
      }
      if (states.length) out.push(states);
    }
    return out;
  });
}

/**
 * The parent's tabs: window A [work 1 (pinned), blank (in front), work 2, group "Team"
 * {work 3, blank}, work 4]; window B [blank, group "Later" (collapsed) {work 5, work 6},
 * blank (in front)].
 */
async function openTabs(hearth: Hearth): Promise<void> {
  const worker = await hearth.worker();
  await worker.evaluate(async (origin) => {
    const work = (n: number) => `${origin}/chat/tuck-${n}`;
    const blank = (n: string) => `about:blank#${n}`;
    const a = (await chrome.windows.create({ url: work(1) }))!;
    const make = async (windowId: number, url: string) => (await chrome.tabs.create({ windowId, url, active: false })).id!;
    const aTabs = [a.tabs![0]!.id!];
    for (const url of [blank('a1'), work(2), work(3), blank('a2'), work(4)]) aTabs.push(await make(a.id!, url));
    await chrome.tabs.update(aTabs[0]!, { pinned: true });
    const team = await chrome.tabs.group({ tabIds: [aTabs[3]!, aTabs[4]!] });
    await chrome.tabGroups.update(team, { title: 'Team', color: 'blue' });
    await chrome.tabs.update(aTabs[1]!, { active: true });

    const b = (await chrome.windows.create({ url: blank('b1') }))!;
    const bTabs = [b.tabs![0]!.id!];
    for (const url of [work(5), work(6), blank('b2')]) bTabs.push(await make(b.id!, url));
    const later = await chrome.tabs.group({ tabIds: [bTabs[1]!, bTabs[2]!], createProperties: { windowId: b.id! } });
    await chrome.tabGroups.update(later, { title: 'Later', color: 'green', collapsed: true });
    await chrome.tabs.update(bTabs[3]!, { active: true });
  }, site.origin);
  // Work pages loaded, so their addresses are as the parent sees them.
  await expect.poll(async () => (await layout(hearth)).flat().filter((t) => t.url.includes('/chat/tuck-')).length).toBe(6);
}

/** Turns tucking on for every site in the settings page, by the parent's own click (the browser's permission asked there). */
async function tuckEverySite(hearth: Hearth): Promise<void> {
  const options = await hearth.open(OPTIONS);
  await options.locator('#tuck-all').check();
  await expect.poll(async () => (await ask<{ sites: { site: { tuck?: boolean } }[] }>(hearth, { type: 'sites' })).sites.every((s) => s.site.tuck)).toBe(true);
  await options.close();
}

/** A one-off block, written as the settings page would: family time starts and ends on its own alarms. */
async function block(hearth: Hearth, start: number, end: number): Promise<void> {
  const worker = await hearth.worker();
  await worker.evaluate(async (b) => {
    const { settings } = await chrome.storage.local.get('settings');
    const s = settings as { schedule: { blocks: unknown[] } };
    s.schedule.blocks = [{ id: `tuck-${b.start}`, label: 'Tuck', ...b }];
    await chrome.storage.local.set({ settings: s });
  }, { start, end });
}

const workTabs = (l: TabState[][]) => l.flat().filter((t) => t.url.includes('/chat/tuck-'));
/** Every work tab in Hearth's grey group; folded (true), unfolded as the end nears (false), or either (undefined). */
const tuckedAway = async (hearth: Hearth, folded?: boolean) => {
  const tabs = workTabs(await layout(hearth));
  const inGroup = (t: TabState) => t.group !== null && TITLE.test(t.group.title) && t.group.color === 'grey' && !t.pinned;
  return tabs.length === 6 && tabs.every((t) => inGroup(t) && (folded === undefined || t.group!.collapsed === folded));
};

async function ready(profile?: string): Promise<Hearth> {
  const hearth = await launch(profile ?? (await profileAllowingNotifications(site.origin)));
  await quietFixtureOnly(hearth, 'quiet');
  await tuckEverySite(hearth);
  await openTabs(hearth);
  return hearth;
}

describe('work tabs tucked away for family time (Chromium)', () => {
  let hearth: Hearth | undefined;
  afterAll(async () => {
    await hearth?.close();
  });

  test('start and end on their own alarms (the end moved later once): every tab back to its window, index, group, pin and the tab in front', async () => {
    hearth = await ready();
    const before = await layout(hearth);
    const start = Date.now() + 3000;
    // Long enough that the group is folded for a while before the end is readied (ARM_LEAD_MS ahead).
    const end = start + 12_000;
    await block(hearth, start, end);
    await expect.poll(() => tuckedAway(hearth!, true), { timeout: start - Date.now() + 5000 }).toBe(true);
    // Out of sight: one collapsed group per window, the parent's tabs in front as they were.
    const during = await layout(hearth);
    expect(during.map((w) => w.filter((t) => t.active).map((t) => t.url))).toEqual(before.map((w) => w.filter((t) => t.active).map((t) => t.url)));
    // The end readied: the groups unfolded (which wakes the tabs Chromium froze), every tab
    // still away; seen from a look begun well before the end (the end's own giving back
    // unfolds the group too, just before it moves the tabs out).
    const readied = async () => {
      const lookedAt = Date.now();
      return (await tuckedAway(hearth!, false)) && lookedAt < end - 1000;
    };
    await expect.poll(readied, { timeout: end - Date.now() }).toBe(true);
    // The end moved later (the parent kept family time on): the group Hearth unfolded is
    // folded again (nothing else folds it), and comes back at the new end.
    const later = Date.now() + 10_000;
    await block(hearth, start, later);
    await expect.poll(() => tuckedAway(hearth!, true), { timeout: later - Date.now() }).toBe(true);
    await sleep(later - Date.now());
    await expect.poll(() => layout(hearth!), { timeout: 8000 }).toEqual(before);
  });
});

describe('work tabs given back after a fault (Chromium)', () => {
  const SEED = seedFrom('HEARTH_TUCK_SEED', 20261215);
  let hearth: Hearth | undefined;
  afterAll(async () => {
    await hearth?.close();
  });

  test('the worker stopped as the tabs are being tucked away, and as they are given back: all away, then all back as they were', async () => {
    const random = seeded(SEED);
    hearth = await ready();
    const before = await layout(hearth);
    for (let run = 0; run < 4; run++) {
      const start = Date.now() + 3000;
      // Time enough, on a loaded machine, to tuck the tabs away after a stop before the end gives them back.
      const end = start + 10_000;
      await block(hearth, start, end);
      // Stopped at a seeded moment within the first 150 ms of the start, then woken by the popup.
      const stopAt = start + random.upTo(150);
      await sleep(stopAt - Date.now());
      await hearth.stopWorker();
      await hearth.worker();
      // Folded, or already unfolded for the end (ARM_LEAD_MS before it).
      await expect.poll(() => tuckedAway(hearth!), { timeout: end - Date.now() }).toBe(true);
      // And again as the end gives them back (its alarm wakes the worker by itself).
      const stopAtEnd = end + random.upTo(150);
      await sleep(stopAtEnd - Date.now());
      await hearth.stopWorker();
      await hearth.worker();
      await expect.poll(() => layout(hearth!), { timeout: 8000 }).toEqual(before);
      console.log(`tuck: worker stopped ${stopAt - start} ms after the start and ${stopAtEnd - end} ms after the end (seed ${SEED}, run ${run + 1}): every tab back as it was`);
    }
  });

  test('the browser restarted during family time: the restored tabs come back where they were at the end', async () => {
    const profile = await profileAllowingNotifications(site.origin);
    await restoringTabs(profile);
    hearth = await ready(profile);
    // The browser restores its windows as they were; the test's own pages are left out of the picture.
    for (const page of hearth.context.pages()) if (page.url() === 'about:blank') await page.close();
    const before = await layout(hearth);
    const start = Date.now() + 3000;
    const end = start + 20_000;
    await block(hearth, start, end);
    await expect.poll(() => tuckedAway(hearth!, true), { timeout: 8000 }).toBe(true);
    await hearth.close({ keepProfile: true });

    hearth = await launch(profile);
    await expect.poll(async () => workTabs(await layout(hearth!)).length, { timeout: 10_000 }).toBe(6);
    // The blank page the test's browser opens as it starts is not the parent's (theirs have a #name).
    for (const page of hearth.context.pages()) if (page.url() === 'about:blank') await page.close();
    // The browser restores the tabs first and their group a moment after.
    await expect.poll(() => tuckedAway(hearth!), { timeout: 10_000 }).toBe(true);
    await sleep(end - Date.now());
    // Starting, the browser puts its own page in front in one window: the tab in front is left out here.
    const withoutFront = (l: TabState[][]) => l.map((w) => w.map(({ active: _a, ...t }) => t));
    await expect.poll(async () => withoutFront(await layout(hearth!)), { timeout: 10_000 }).toEqual(withoutFront(before));
  });
});
