// The notification block's diffing (Chromium's contentSettings): set per pattern, left
// alone while the list is the same, cleared and set again when it changes or when the
// browser session is new; nothing at all on Firefox, which has no contentSettings.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { applyNotificationBlocks, canBlockNotifications } from './notifications';

const api = { clear: vi.fn(async (_details: object) => undefined), set: vi.fn(async (_details: { primaryPattern: string; setting: string }) => undefined) };

beforeEach(() => {
  api.clear.mockClear();
  api.set.mockClear();
  (globalThis as { chrome?: unknown }).chrome = { contentSettings: { notifications: api } };
});
afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

const setPatterns = () => api.set.mock.calls.map(([details]) => details.primaryPattern);

describe('applyNotificationBlocks', () => {
  test('blocks each pattern once, and a second run with the same list touches nothing', async () => {
    expect(await applyNotificationBlocks(['https://app.slack.com:*', 'https://[*.]atlassian.net:*'])).toEqual([]);
    expect(api.clear).toHaveBeenCalledTimes(1);
    expect(setPatterns()).toEqual(['https://app.slack.com:*', 'https://[*.]atlassian.net:*']);
    await applyNotificationBlocks(['https://app.slack.com:*', 'https://[*.]atlassian.net:*']);
    expect(api.clear).toHaveBeenCalledTimes(1);
    expect(api.set).toHaveBeenCalledTimes(2);
  });

  test('a changed list clears and sets again, and says which patterns were released', async () => {
    await applyNotificationBlocks(['a', 'b']);
    expect(await applyNotificationBlocks(['b'])).toEqual(['a']);
    expect(await applyNotificationBlocks([])).toEqual(['b']);
    expect(api.clear).toHaveBeenCalledTimes(3);
    expect(setPatterns()).toEqual(['a', 'b', 'b']);
  });

  test('a new browser session (no record) sets the blocks again, since the browser may have lost them', async () => {
    await applyNotificationBlocks(['a']);
    await fakeBrowser.storage.session.clear();
    await applyNotificationBlocks(['a']);
    expect(api.clear).toHaveBeenCalledTimes(2);
    expect(setPatterns()).toEqual(['a', 'a']);
  });

  test('on Firefox there is nothing to block with, and nothing is recorded', async () => {
    delete (globalThis as { chrome?: unknown }).chrome;
    expect(canBlockNotifications()).toBe(false);
    expect(await applyNotificationBlocks(['a'])).toEqual([]);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
