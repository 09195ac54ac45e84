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
    expect(handleMessage({ type: 'exportHistory' }, framed())).toBeUndefined();
    expect(handleMessage({ type: 'removeSite', id: 's' }, framed())).toBeUndefined();
    expect(handleMessage({ type: 'calm', siteId: 's' }, framed())).toBeUndefined();
    expect(handleMessage({ type: 'wayThrough', siteId: 's' }, framed())).toBeUndefined();
  });
});
