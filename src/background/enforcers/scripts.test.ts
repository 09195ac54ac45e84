import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, expect, test, vi } from 'vitest';
import { tellAccessGone } from './scripts';

afterEach(() => {
  vi.restoreAllMocks();
});

test('when host access is taken back, every tab hears which origins are really gone', async () => {
  const a = await fakeBrowser.tabs.create({ url: 'https://app.slack.com/client' });
  const b = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
  // A wider grant still covers app.slack.com: only the rest is gone.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins }) => origins?.[0] === '*://app.slack.com/*');
  const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => undefined);

  await tellAccessGone(['*://app.slack.com/*', '*://*.atlassian.net/*']);

  const all = (await fakeBrowser.tabs.query({})).map((t) => t.id);
  expect(all).toEqual(expect.arrayContaining([a.id, b.id]));
  expect(sent.mock.calls.map(([tabId]) => tabId).sort()).toEqual(all.sort());
  for (const [, word] of sent.mock.calls) expect(word).toEqual({ type: 'hearth:access-gone', origins: ['*://*.atlassian.net/*'] });
});

test('nothing is sent when every origin is still covered', async () => {
  await fakeBrowser.tabs.create({ url: 'https://app.slack.com/client' });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true);
  const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
  await tellAccessGone(['*://app.slack.com/*']);
  expect(sent).not.toHaveBeenCalled();
});
