import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import type { StatusView } from '../messages';
import type { HistoryEvent } from '../core/records';
import { HELD_ROW_MAX, openHistory } from './history';
import { handleMessage, isOwnPage } from './messaging';
import { reconcileSoon } from './reconcile';

// Work-site effects drive real browser APIs the fake browser lacks; the browser
// tests cover them. Here: the schedule, badge, alarm and history path.
vi.mock('./enforcers/sites', () => import('../../tests/unit/workerFakes').then((m) => m.sitesWithoutEffects()));

const own = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('src/ui/popup/index.html') });
const aTab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };

describe('the worker listens only to its own pages', () => {
  test("Hearth's own pages are accepted", () => {
    expect(isOwnPage(own())).toBe(true);
  });

  test('content scripts, web pages and other extensions are not', () => {
    expect(isOwnPage({ id: fakeBrowser.runtime.id, url: 'https://app.slack.com/client' })).toBe(false);
    expect(isOwnPage({ id: 'another-extension', url: 'chrome-extension://another-extension/page.html' })).toBe(false);
    expect(isOwnPage({ id: fakeBrowser.runtime.id })).toBe(false);
    expect(isOwnPage({})).toBe(false);
  });

  test('nor are senders on an opaque origin (about:blank, data:) or with an address that is not a URL, and none throws', () => {
    // Node, like the spec for unknown schemes, gives chrome-extension: URLs the origin
    // "null", the same as about:blank's: comparing origins let these through here.
    for (const url of ['about:blank', 'data:text/html,hi', 'not a url', '', 'chrome-extension://test-extension-id.evil/']) {
      const sender = { id: fakeBrowser.runtime.id, url, tab: { ...aTab, url } };
      expect(isOwnPage(sender)).toBe(false);
      expect(handleMessage({ type: 'startFocus', minutes: 30 }, sender)).toBeUndefined();
    }
  });

  test('a request from elsewhere gets no answer and changes nothing', async () => {
    const reply = handleMessage({ type: 'startFocus', minutes: 30 }, { id: fakeBrowser.runtime.id, url: 'https://evil.example/' });
    expect(reply).toBeUndefined();
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  test('a malformed request from an own page gets no answer', () => {
    expect(handleMessage({ type: 'startFocus', minutes: -5 }, own())).toBeUndefined();
    expect(handleMessage({ type: 'format-disk' }, own())).toBeUndefined();
    expect(handleMessage('status', own())).toBeUndefined();
  });

  test('a focus block asked for by the popup comes on', async () => {
    // No recurring windows, so the real clock cannot put one beside the block.
    const settings = defaultSettings();
    settings.schedule.windows = [];
    await fakeBrowser.storage.local.set({ settings });
    const view = (await handleMessage({ type: 'startFocus', minutes: 15 }, own())) as StatusView;
    expect(view.active.map((o) => o.label)).toEqual(['Focus block']);
    expect(view.until).toBe(view.active[0]!.end);
  });
});

describe('one of Hearth\'s pages inside a web page (none is web-accessible, so only a forged sender could be)', () => {
  const framed = () => ({
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL('src/ui/calm/index.html?site=s'),
    tab: { id: 7, url: 'https://evil.example/', index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  });

  test('may ask nothing at all', async () => {
    expect(handleMessage({ type: 'startFocus', minutes: 30 }, framed())).toBeUndefined();
    expect(handleMessage({ type: 'reflection' }, framed())).toBeUndefined();
    expect(handleMessage({ type: 'removeSite', id: 's' }, framed())).toBeUndefined();
    expect(handleMessage({ type: 'calm', siteId: 's' }, framed())).toBeUndefined();
    expect(handleMessage({ type: 'wayThrough', siteId: 's' }, framed())).toBeUndefined();
  });

  test('nor where the browser leaves the tab\'s address out (no host access to the page around it)', () => {
    const anySite = { ...framed(), tab: { ...aTab }, frameId: 3 };
    expect(handleMessage({ type: 'importSettings', settings: {} }, anySite)).toBeUndefined();
    expect(handleMessage({ type: 'startFocus', minutes: 30 }, anySite)).toBeUndefined();
    expect(handleMessage({ type: 'calm', siteId: 's' }, anySite)).toBeUndefined();
  });

  test('an own page in a tab of its own (the options page) is not inside a web page', async () => {
    const options = fakeBrowser.runtime.getURL('src/ui/options/index.html');
    for (const sender of [
      { id: fakeBrowser.runtime.id, url: options, tab: { ...aTab, url: options }, frameId: 0 },
      { id: fakeBrowser.runtime.id, url: options, tab: { ...aTab }, frameId: 0 },
    ]) {
      await expect(handleMessage({ type: 'settings' }, sender)).resolves.toHaveProperty('settings');
    }
  });
});

describe('notifications held back in work tabs', () => {
  const T = Date.UTC(2026, 10, 24, 18, 30);
  const block = { id: 'focus-1', label: 'Focus block', start: T - 10 * 60_000, end: T + 50 * 60_000 };
  const boundary = `block:focus-1:${block.start}`;

  async function setUp(blocks = [block]): Promise<void> {
    // Only the clock is frozen: fake-indexeddb still needs real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T);
    const settings = defaultSettings();
    settings.schedule.windows = [];
    settings.schedule.blocks = blocks;
    settings.sites = [{ id: 'slack', pattern: 'app.slack.com', mode: 'quiet' }];
    await fakeBrowser.storage.local.set({ settings });
  }
  afterEach(() => {
    vi.useRealTimers();
  });

  const tab = (id: number, url = 'https://app.slack.com/client') => ({
    id: fakeBrowser.runtime.id,
    url,
    tab: { id, url, index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  });
  const report = (tabId: number, count: number) => handleMessage({ type: 'held', count }, tab(tabId));

  async function heldRows(): Promise<HistoryEvent[]> {
    const history = await openHistory();
    try {
      return (await history.all()).filter((e) => e.type === 'held');
    } finally {
      history.close();
    }
  }
  const total = (rows: HistoryEvent[]) => rows.reduce((n, e) => n + (e.count ?? 0), 0);

  test('two reports in the same millisecond from two tabs are both counted, a row for each tab', async () => {
    await setUp();
    await Promise.all([report(1, 3), report(2, 4)]);
    expect((await heldRows()).map((e) => [e.key, e.occurrenceKey, e.label, e.at, e.count])).toEqual([
      [`held|${boundary}|site:slack|tab:1`, boundary, 'Slack', T, 3],
      [`held|${boundary}|site:slack|tab:2`, boundary, 'Slack', T, 4],
    ]);
  });

  test('20 tabs sending 10 reports each, all at once, lose no increment: one row per tab', async () => {
    await setUp();
    const sent: number[] = [];
    const reports: Promise<unknown>[] = [];
    for (let t = 1; t <= 20; t++) {
      for (let r = 0; r < 10; r++) {
        const count = ((t * 7 + r * 13) % 40) + 1; // at most 400 a tab: under the cap
        sent.push(count);
        reports.push(report(t, count)!);
      }
    }
    await Promise.all(reports);
    const rows = await heldRows();
    expect(rows).toHaveLength(20);
    expect(total(rows)).toBe(sent.reduce((a, b) => a + b, 0));
    expect(new Set(rows.map((e) => e.key)).size).toBe(20);
  });

  // 50 reports of 100 is ten times the cap: enough to show it holds, light enough for a loaded machine.
  test('a tab that spams is counted up to the cap, in one row', async () => {
    await setUp();
    await Promise.all(Array.from({ length: 50 }, () => report(9, 100)));
    const rows = await heldRows();
    expect(rows.map((e) => [e.key, e.count])).toEqual([[`held|${boundary}|site:slack|tab:9`, HELD_ROW_MAX]]);
  });

  test("a tab's last report, just after family time was ended, lands on the boundary that ended", async () => {
    await setUp();
    const own = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('src/ui/popup/index.html') };
    // Family time comes on (its alarm's reconcile records the start), a report, then the parent ends it.
    await reconcileSoon();
    await report(5, 2);
    vi.setSystemTime(T + 60_000);
    expect(((await handleMessage({ type: 'endNow' }, own)) as StatusView).active).toEqual([]);
    vi.setSystemTime(T + 61_000);
    await report(5, 3);
    expect((await heldRows()).map((e) => [e.key, e.count])).toEqual([[`held|${boundary}|site:slack|tab:5`, 5]]);
  });

  test('a report after the boundary ran out, before any reconcile, still lands on it', async () => {
    await setUp();
    await reconcileSoon();
    vi.setSystemTime(block.end + 1_000);
    await report(5, 2);
    expect((await heldRows()).map((e) => e.occurrenceKey)).toEqual([boundary]);
  });

  test('only a listed work site in one of our content scripts is counted', async () => {
    await setUp();
    expect(await handleMessage({ type: 'held', count: 5 }, tab(1, 'https://example.com/'))).toBeNull();
    const otherExtension = { ...tab(1), id: 'another-extension' };
    expect(handleMessage({ type: 'held', count: 5 }, otherExtension)).toBeUndefined();
    expect(handleMessage({ type: 'held', count: 0 }, tab(1))).toBeUndefined();
    expect(handleMessage({ type: 'held', count: 101 }, tab(1))).toBeUndefined();
    expect(await heldRows()).toEqual([]);
  });
});
