// The tuck enforcer's diffing: which tabs go and when, what it remembers (before any tab
// moves), what comes back, and what it leaves to the parent. The strip's own moves are
// stood in for (a tab "in Hearth's group" is one whose groupId is 99); the browser tests
// move real tabs in Chromium and Firefox.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { coveredBy } from '../../../tests/unit/matchPattern';
import type { WorkSite } from '../../core/settings/schema';
import type { TuckedTab, TuckWindow } from '../../core/tuck';

const strip = vi.hoisted(() => ({
  calls: [] as { op: 'tuck' | 'giveBack' | 'wake' | 'fold'; tabs: number[]; recorded: unknown }[],
  failNextTuck: false,
  /** Whether the strip's wake changes the group (false: the parent had unfolded it already). */
  wakeChanges: true,
}));

vi.mock('./tuckStrip', async (importActual) => {
  const actual = await importActual<typeof import('./tuckStrip')>();
  const { browser } = await import('../ext');
  const recorded = async () => (await browser.storage.local.get('tucked')).tucked;
  const fake = {
    permission: 'tabGroups',
    holds: 'group',
    holding: (tab: { groupId?: number; windowId?: number }, w: TuckWindow) => tab.windowId === w.windowId && tab.groupId === w.groupId,
    groupOf: async () => null,
    async tuck(_w: TuckWindow, tabs: TuckedTab[]) {
      strip.calls.push({ op: 'tuck', tabs: tabs.map((t) => t.tabId), recorded: await recorded() });
      if (strip.failNextTuck) {
        strip.failNextTuck = false;
        throw new Error('the worker was stopped');
      }
      for (const t of tabs) await browser.tabs.update(t.tabId, { groupId: 99, pinned: false } as object);
      return 99;
    },
    async giveBack(_w: TuckWindow, tabs: TuckedTab[]) {
      strip.calls.push({ op: 'giveBack', tabs: tabs.map((t) => t.tabId), recorded: await recorded() });
      for (const t of tabs) await browser.tabs.update(t.tabId, { groupId: -1, pinned: t.pinned } as object);
    },
    retitle: async () => undefined,
    async wake(w: TuckWindow, awake: boolean) {
      strip.calls.push({ op: awake ? 'wake' : 'fold', tabs: w.tabs.map((t) => t.tabId), recorded: await recorded() });
      return strip.wakeChanges;
    },
  };
  return { ...actual, strip: () => fake };
});

const { applyTuck, isWaiting } = await import('./tuck');

const chat: WorkSite = { id: 'chat', pattern: 'chat.example', mode: 'quiet' };
const mail: WorkSite = { id: 'mail', pattern: 'mail.example', mode: 'quiet' };
const siteFor = (url: string) => (url.includes('chat.example') ? chat : url.includes('mail.example') ? mail : null);
const wanted = (...sites: string[]) => ({ sites: new Set(sites), siteFor, title: 'Work · back at 7:30 PM' });

beforeEach(() => {
  strip.calls = [];
  strip.wakeChanges = true;
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async ({ url, ...rest }) => {
    const patterns = url === undefined ? null : [url].flat();
    return (await query(rest)).filter((t) => !patterns || patterns.some((p) => coveredBy(t.url ?? '', p)));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function tab(url: string, more: { active?: boolean; pinned?: boolean } = {}): Promise<number> {
  const { id } = await fakeBrowser.tabs.create({ url, active: more.active ?? false });
  await fakeBrowser.tabs.update(id!, { groupId: -1, pinned: more.pinned ?? false, active: more.active ?? false } as object);
  return id!;
}
const groupOf = async (id: number) => ((await fakeBrowser.tabs.get(id)) as { groupId?: number }).groupId;
const stored = async () => (await fakeBrowser.storage.local.get('tucked')).tucked as { sites: string[]; windows: { tabs: TuckedTab[] }[] } | undefined;

describe('applyTuck', () => {
  test("tucks only the chosen sites' tabs, remembering where each was before any moves", async () => {
    const a = await tab('https://app.chat.example/a', { pinned: true });
    const b = await tab('https://app.chat.example/b');
    const m = await tab('https://x.mail.example/');
    const own = await tab('https://news.example/', { active: true });
    await applyTuck(wanted('chat'));
    expect(strip.calls.map((c) => [c.op, c.tabs])).toEqual([['tuck', [a, b]]]);
    // Written before the strip moved anything: a worker stopped mid-way can finish the job.
    const before = strip.calls[0]!.recorded as { windows: { tabs: TuckedTab[] }[] };
    expect(before.windows[0]!.tabs.map((t) => [t.tabId, t.pinned, t.state])).toEqual([
      [a, true, 'tucking'],
      [b, false, 'tucking'],
    ]);
    expect((await stored())!.windows[0]!.tabs.map((t) => t.state)).toEqual(['tucked', 'tucked']);
    expect([await groupOf(m), await groupOf(own)]).toEqual([-1, -1]);

    // Steady: a second run moves nothing.
    await applyTuck(wanted('chat'));
    expect(strip.calls).toHaveLength(1);
  });

  test('gives every tab back when the site is no longer tucked, and forgets it all', async () => {
    const a = await tab('https://app.chat.example/a', { pinned: true });
    await tab('https://news.example/', { active: true });
    await applyTuck(wanted('chat'));
    await applyTuck(wanted());
    expect(strip.calls.map((c) => [c.op, c.tabs])).toEqual([
      ['tuck', [a]],
      ['giveBack', [a]],
    ]);
    expect((strip.calls[1]!.recorded as { windows: { tabs: TuckedTab[] }[] }).windows[0]!.tabs[0]!.state).toBe('returning');
    expect(await stored()).toBeUndefined();
    expect(await fakeBrowser.tabs.get(a)).toMatchObject({ pinned: true, groupId: -1 });
  });

  test('as the end nears, tucked tabs are woken where they are, and given back at the end', async () => {
    const a = await tab('https://app.chat.example/a');
    await tab('https://news.example/', { active: true });
    await applyTuck(wanted('chat'));
    await applyTuck({ ...wanted('chat'), wake: true });
    expect(await groupOf(a)).toBe(99);
    expect((await stored())!.windows[0]!.tabs.map((t) => t.state)).toEqual(['tucked']);
    await applyTuck(wanted());
    expect(strip.calls.map((c) => [c.op, c.tabs])).toEqual([
      ['tuck', [a]],
      ['wake', [a]],
      ['giveBack', [a]],
    ]);
    expect(await groupOf(a)).toBe(-1);
  });

  test('woken for an end that then moves later: folded again once, and left alone after', async () => {
    const a = await tab('https://app.chat.example/a');
    await tab('https://news.example/', { active: true });
    await applyTuck(wanted('chat'));
    await applyTuck({ ...wanted('chat'), wake: true });
    await applyTuck({ ...wanted('chat'), wake: true });
    await applyTuck(wanted('chat'));
    // Folded by Hearth only because Hearth unfolded it: a group the parent opens stays open.
    await applyTuck(wanted('chat'));
    expect(strip.calls.map((c) => c.op)).toEqual(['tuck', 'wake', 'wake', 'fold']);
    expect(await groupOf(a)).toBe(99);
  });

  test('a group the parent had unfolded already is not folded when the end moves later', async () => {
    await tab('https://app.chat.example/a');
    await tab('https://news.example/', { active: true });
    await applyTuck(wanted('chat'));
    strip.wakeChanges = false;
    await applyTuck({ ...wanted('chat'), wake: true });
    await applyTuck(wanted('chat'));
    expect(strip.calls.map((c) => c.op)).toEqual(['tuck', 'wake']);
  });

  test('a tab in front waits until the parent has looked away; a tab opened later is theirs', async () => {
    const front = await tab('https://app.chat.example/front', { active: true });
    const back = await tab('https://app.chat.example/back');
    const own = await tab('https://news.example/');
    await applyTuck(wanted('chat'));
    expect(strip.calls.map((c) => c.tabs)).toEqual([[back]]);
    expect(await isWaiting(front)).toBe(true);
    expect(await isWaiting(back)).toBe(false);

    const later = await tab('https://app.chat.example/later');
    // The parent switches to their own tab.
    await fakeBrowser.tabs.update(front, { active: false } as object);
    await fakeBrowser.tabs.update(own, { active: true } as object);
    await applyTuck(wanted('chat'));
    expect(strip.calls.map((c) => c.tabs)).toEqual([[back], [front]]);
    expect(await isWaiting(front)).toBe(false);
    expect(await groupOf(later)).toBe(-1);
  });

  test("a tab tucked later is remembered at its place among the window's tabs as they were, not as they are", async () => {
    const a = await tab('https://app.chat.example/a');
    const b = await tab('https://app.chat.example/b', { active: true });
    const own = await tab('https://news.example/');
    await applyTuck(wanted('chat'));
    // In the browser, "a" has gone to Hearth's group at the end: [b, own, group{a}].
    const place = (id: number, index: number) => fakeBrowser.tabs.update(id, { index } as object);
    await place(b, 0);
    await place(own, 1);
    await place(a, 2);
    await fakeBrowser.tabs.update(b, { active: false } as object);
    await fakeBrowser.tabs.update(own, { active: true } as object);
    await applyTuck(wanted('chat'));
    expect((await stored())!.windows[0]!.tabs.map((t) => [t.tabId, t.index])).toEqual([
      [a, 0],
      [b, 1],
    ]);
  });

  test('a tab the parent takes out of the group is left where they put it, then and at the end', async () => {
    const a = await tab('https://app.chat.example/a');
    const b = await tab('https://app.chat.example/b');
    await tab('https://news.example/', { active: true });
    await applyTuck(wanted('chat'));
    await fakeBrowser.tabs.update(a, { groupId: -1 } as object);
    await applyTuck(wanted('chat'));
    expect(strip.calls).toHaveLength(1);
    await applyTuck(wanted());
    expect(strip.calls.map((c) => [c.op, c.tabs])).toEqual([
      ['tuck', [a, b]],
      ['giveBack', [b]],
    ]);
  });

  test('a run stopped as it tucks is finished by the next one', async () => {
    const a = await tab('https://app.chat.example/a');
    await tab('https://news.example/', { active: true });
    strip.failNextTuck = true;
    await expect(applyTuck(wanted('chat'))).rejects.toThrow('stopped');
    expect((await stored())!.windows[0]!.tabs[0]!.state).toBe('tucking');
    await applyTuck(wanted('chat'));
    expect(await groupOf(a)).toBe(99);
    expect((await stored())!.windows[0]!.tabs[0]!.state).toBe('tucked');
  });

  test('after a browser restart (every id new), the tabs are found again by address and given back', async () => {
    await tab('https://app.chat.example/a');
    await tab('https://news.example/', { active: true });
    await applyTuck(wanted('chat'));
    // The browser restarts: storage.session is empty, the tab comes back under a new id, still in a group.
    await fakeBrowser.storage.session.clear();
    const record = await stored();
    for (const t of await fakeBrowser.tabs.query({})) await fakeBrowser.tabs.update(t.id!, { url: 'https://news.example/gone', groupId: -1 } as object);
    const restored = await tab('https://app.chat.example/a');
    await fakeBrowser.tabs.update(restored, { groupId: 77 } as object);
    await fakeBrowser.storage.local.set({ tucked: record });

    await applyTuck(wanted());
    expect(strip.calls.at(-1)).toMatchObject({ op: 'giveBack', tabs: [restored] });
    expect(await stored()).toBeUndefined();
  });

  test('without the browser permission (taken back), nothing is tucked, and what was comes back', async () => {
    const a = await tab('https://app.chat.example/a');
    await tab('https://news.example/', { active: true });
    await applyTuck(wanted('chat'));
    vi.mocked(fakeBrowser.permissions.contains).mockResolvedValue(false as never);
    await applyTuck(wanted('chat'));
    expect(strip.calls.map((c) => [c.op, c.tabs])).toEqual([
      ['tuck', [a]],
      ['giveBack', [a]],
    ]);
  });
});
