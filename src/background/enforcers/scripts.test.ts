import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { coveredBy } from '../../../tests/unit/matchPattern';
import { applyContentScripts, tellAccessGone } from './scripts';

afterEach(() => {
  vi.restoreAllMocks();
});

test('when host access is really taken back, every tab hears it (and asks for its plan)', async () => {
  const a = await fakeBrowser.tabs.create({ url: 'https://app.slack.com/client' });
  const b = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
  // A wider grant still covers app.slack.com: only the rest is gone.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins }) => origins?.[0] === '*://app.slack.com/*');
  const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => undefined);

  await tellAccessGone(['*://app.slack.com/*', '*://*.atlassian.net/*']);

  const all = (await fakeBrowser.tabs.query({})).map((t) => t.id);
  expect(all).toEqual(expect.arrayContaining([a.id, b.id]));
  expect(sent.mock.calls.map(([tabId]) => tabId).sort()).toEqual(all.sort());
  for (const [, word] of sent.mock.calls) expect(word).toEqual({ type: 'hearth:access-gone' });
});

test('nothing is sent when every origin is still covered', async () => {
  await fakeBrowser.tabs.create({ url: 'https://app.slack.com/client' });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true);
  const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
  await tellAccessGone(['*://app.slack.com/*']);
  expect(sent).not.toHaveBeenCalled();
});

describe('a run the worker was stopped in is finished by the next', () => {
  const PATTERN = '*://app.slack.com/*';
  let registry: { id: string; matches?: string[] }[];

  beforeEach(() => {
    registry = [];
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async (filter) =>
      registry.filter((s) => !filter?.ids || filter.ids.includes(s.id)),
    );
    vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
      registry.push(...scripts.map(({ id, matches }) => ({ id, matches })));
    });
    // The fake browser matches a tab's url exactly; the browser reads match patterns.
    const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async ({ url, ...rest }) => {
      const patterns = url === undefined ? null : [url].flat();
      return (await query(rest)).filter((t) => !patterns || patterns.some((p) => coveredBy(t.url ?? '', p)));
    });
    vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
      registry = registry.filter((s) => !filter?.ids?.includes(s.id));
    });
  });

  /** What the next call to `run` did to the tab: injections of the quiet script, and put-backs. */
  async function tabCalls(tabId: number, run: () => Promise<unknown>) {
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async () => []);
    await run();
    const calls = execute.mock.calls.map(([d]) => d).filter((d) => d.target.tabId === tabId);
    execute.mockRestore();
    return {
      injected: calls.some((d) => d.files?.[0] === 'src/content/quiet.js'),
      restored: calls.some((d) => d.func !== undefined && String(d.func).includes('restore')),
    };
  }

  /** The worker stops at the next tabs query, as it may at any await. */
  const stopAtNextTabQuery = () => vi.mocked(fakeBrowser.tabs.query).mockRejectedValueOnce(new Error('worker stopped'));

  test('stopped after registering, before the open tabs: the next run injects them', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://app.slack.com/client' });
    stopAtNextTabQuery();
    await expect(applyContentScripts([PATTERN])).rejects.toThrow('worker stopped');
    expect(registry.map((s) => s.id).sort()).toEqual(['hearth-quiet', 'hearth-quiet-main']);
    expect(await tabCalls(tab.id!, () => applyContentScripts([PATTERN]))).toEqual({ injected: true, restored: false });
    // Finished: the run after that has nothing left to do.
    expect(await tabCalls(tab.id!, () => applyContentScripts([PATTERN]))).toEqual({ injected: false, restored: false });
  });

  test('stopped after unregistering, before putting the tabs back: the next run puts them back', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://app.slack.com/client' });
    await tabCalls(tab.id!, () => applyContentScripts([PATTERN]));
    stopAtNextTabQuery();
    await expect(applyContentScripts([])).rejects.toThrow('worker stopped');
    expect(registry).toEqual([]);
    expect(await tabCalls(tab.id!, () => applyContentScripts([]))).toEqual({ injected: false, restored: true });
    expect(await tabCalls(tab.id!, () => applyContentScripts([]))).toEqual({ injected: false, restored: false });
  });

  test('armed ahead of a start, an open tab is told when to turn quiet before its script starts', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://app.slack.com/client' });
    const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async () => []);
    await applyContentScripts([PATTERN], undefined, 5_000);
    const calls = execute.mock.calls.map(([d]) => d).filter((d) => d.target.tabId === tab.id);
    expect((calls[0] as { args?: unknown[] }).args).toEqual([5_000]);
    expect(calls[1]!.files).toEqual(['src/content/quiet.js']);
  });

  test.each([
    ['the calm overlay', 'overlay', 'hearth-overlay'],
    ['the let-through matcher', 'letThrough', 'hearth-let-through'],
  ] as const)('%s is registered only for the sites that have it, and goes with them', async (_, extra, id) => {
    const none = { matches: [], exclude: [] };
    const only = { matches: ['*://app.slack.com/*'], exclude: ['*://app.slack.com/quiet/*'] };
    await applyContentScripts([PATTERN, '*://mail.example/*'], { aside: none, overlay: none, letThrough: none, [extra]: only });
    expect(registry.map((s) => s.id).sort()).toEqual([id, 'hearth-quiet', 'hearth-quiet-main']);
    expect(registry.find((s) => s.id === id)?.matches).toEqual(only.matches);
    await applyContentScripts([PATTERN]);
    expect(registry.map((s) => s.id).sort()).toEqual(['hearth-quiet', 'hearth-quiet-main']);
  });
});
