import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings';
import type { StatusView } from '../messages';
import { handleMessage, isOwnPage } from './messaging';

// Work-site effects drive real browser APIs the fake browser lacks; the browser
// tests cover them. Here: the schedule, badge, alarm and history path.
vi.mock('./enforcers/sites', async (original) => ({
  ...(await original<typeof import('./enforcers/sites')>()),
  applySiteEffects: vi.fn(async () => undefined),
  hasAccess: vi.fn(async () => false),
}));

const own = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('src/ui/popup/index.html') });
const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false };

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
      const sender = { id: fakeBrowser.runtime.id, url, tab: { ...tab, url } };
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

describe('the calm page framed in a web page', () => {
  const framed = () => ({
    id: fakeBrowser.runtime.id,
    url: fakeBrowser.runtime.getURL('src/ui/calm/index.html?mode=dim&site=s'),
    tab: { id: 7, url: 'https://evil.example/', index: 0, highlighted: false, active: true, pinned: false, incognito: false },
  });

  test('may ask only what the calm page needs', async () => {
    expect(handleMessage({ type: 'startFocus', minutes: 30 }, framed())).toBeUndefined();
    expect(handleMessage({ type: 'exportHistory' }, framed())).toBeUndefined();
    expect(handleMessage({ type: 'removeSite', id: 's' }, framed())).toBeUndefined();
    expect(handleMessage({ type: 'calm', siteId: 's' }, framed())).toBeInstanceOf(Promise);
  });

  test('is held to that where the browser leaves the tab\'s address out (no access to the framing site)', async () => {
    const anySite = { ...framed(), tab: { ...tab }, frameId: 3 };
    expect(handleMessage({ type: 'importSettings', text: '{}' }, anySite)).toBeUndefined();
    expect(handleMessage({ type: 'startFocus', minutes: 30 }, anySite)).toBeUndefined();
    await expect(handleMessage({ type: 'calm', siteId: 's' }, anySite)).resolves.toMatchObject({ name: '' });
  });

  test('an own page in a tab of its own (the options page) is not framed', async () => {
    const options = fakeBrowser.runtime.getURL('src/ui/options/index.html');
    for (const sender of [
      { id: fakeBrowser.runtime.id, url: options, tab: { ...tab, url: options }, frameId: 0 },
      { id: fakeBrowser.runtime.id, url: options, tab: { ...tab }, frameId: 0 },
    ]) {
      await expect(handleMessage({ type: 'settings' }, sender)).resolves.toHaveProperty('settings');
    }
  });
});
