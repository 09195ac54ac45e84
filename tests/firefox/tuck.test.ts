// Work tabs tucked away in real Firefox (Debian's firefox-esr): hidden with tabs.hide
// for family time (a pinned one unpinned first, a hidden one muted), and shown again at
// its end exactly where they were: index, pin and the tab in front. The choice is turned
// on by the parent's click in settings, which asks for the optional `tabHide` permission.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { launchFirefox, type FirefoxHearth } from './harness';

let site: FixtureServer;
let ff: FirefoxHearth;

interface TabState {
  url: string;
  windowId: number;
  index: number;
  pinned: boolean;
  active: boolean;
  hidden: boolean;
  muted: boolean;
}

/** Every tab of the windows the test opened, in window and index order. */
async function layout(): Promise<TabState[]> {
  return ff.inExtension(async (api, origin) => {
    const tabs = await api.tabs.query({});
    const ours = new Set(tabs.filter((t) => t.url?.startsWith(origin)).map((t) => t.windowId));
    return tabs
      .filter((t) => ours.has(t.windowId))
      .sort((a, b) => a.windowId - b.windowId || a.index - b.index)
      .map((t) => ({
        url: t.url ?? '',
        windowId: t.windowId,
        index: t.index,
        pinned: t.pinned,
        active: t.active,
        hidden: (t as { hidden?: boolean }).hidden === true,
        muted: t.mutedInfo?.muted ?? false,
      }));
  }, site.origin);
}

beforeAll(async () => {
  site = await serveFixtures();
  ff = await launchFirefox();
  const added = await ff.ask<{ ok: boolean }>({ type: 'addSite', pattern: '127.0.0.1', mode: 'quiet' });
  expect(added.ok).toBe(true);
  await ff.ask({ type: 'endNow' });
});

afterAll(async () => {
  await ff?.close();
  await site?.close();
});

describe('work tabs tucked away in Firefox', () => {
  test("the parent's click asks for hiding tabs; family time hides them, its end shows them where they were", async () => {
    const options = await ff.open('src/ui/options/index.html', '#tuck-all');
    await options.click('#tuck-all');
    await expect
      .poll(async () => (await ff.ask<{ sites: { site: { tuck?: boolean } }[]; tuck: { by: string; allowed: boolean } }>({ type: 'sites' })))
      .toMatchObject({ sites: [{ site: { tuck: true } }], tuck: { by: 'hide', allowed: true } });
    // Firefox shows its own notice about hidden tabs: the settings page says so.
    expect(await options.$eval('#tuck-note', (p) => p.textContent)).toContain('Firefox shows its own notice');
    await options.close();

    // A window of the parent's: a pinned work tab, their own tab in front, two more work tabs.
    await ff.inExtension(async (api, origin) => {
      const w = (await api.windows.create({ url: `${origin}/chat/ff-tuck-1` }))!;
      const first = w.tabs![0]!.id!;
      await api.tabs.update(first, { pinned: true });
      const own = (await api.tabs.create({ windowId: w.id!, url: 'about:blank#ff-own', active: false })).id!;
      await api.tabs.create({ windowId: w.id!, url: `${origin}/chat/ff-tuck-2`, active: false });
      await api.tabs.create({ windowId: w.id!, url: `${origin}/chat/ff-tuck-3`, active: false });
      await api.tabs.update(own, { active: true });
    }, site.origin);
    await expect.poll(async () => (await layout()).filter((t) => t.url.includes('/chat/ff-tuck-')).length, { timeout: 10_000 }).toBe(3);
    const before = await layout();

    const work = (l: TabState[]) => l.filter((t) => t.url.includes('/chat/ff-tuck-'));
    await ff.ask({ type: 'startFocus', minutes: 30 });
    await expect.poll(async () => work(await layout()).every((t) => t.hidden), { timeout: 10_000 }).toBe(true);
    // Hidden, unpinned (Firefox hides no pinned tab) and muted, though the chat plays sound.
    expect(work(await layout()).map((t) => [t.pinned, t.muted])).toEqual([
      [false, true],
      [false, true],
      [false, true],
    ]);
    // The parent's own tab is still the one in front.
    const windowId = work(before)[0]!.windowId;
    const front = (l: TabState[]) => l.filter((t) => t.windowId === windowId && t.active).map((t) => t.url);
    expect(front(await layout())).toEqual(front(before));
    expect(front(before)).toHaveLength(1);
    expect(front(before)[0]).not.toContain('/chat/');

    await ff.ask({ type: 'endNow' });
    const shown = (l: TabState[]) => l.map(({ muted: _m, ...t }) => t);
    await expect.poll(async () => shown(await layout()), { timeout: 10_000 }).toEqual(shown(before));
  });
});
