// The notification block's diffing (Chromium's contentSettings): set per pattern, left
// alone while the list is the same, cleared and set again when it changes or when the
// browser session is new; nothing at all on Firefox, which has no contentSettings.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { allowedUnderBlock, applyNotificationBlocks, canBlockNotifications } from './notifications';

/** The parent's own choices; Hearth's block, while set, is what the browser answers. */
const parentAllows = new Set<string>();
let blocked = false;
const api = {
  clear: vi.fn(async (_details: object) => void (blocked = false)),
  set: vi.fn(async (_details: { primaryPattern: string; setting: string }) => void (blocked = true)),
  get: vi.fn(async ({ primaryUrl }: { primaryUrl: string }) => ({ setting: blocked ? 'block' : parentAllows.has(primaryUrl) ? 'allow' : 'ask' })),
};

beforeEach(() => {
  api.clear.mockClear();
  api.set.mockClear();
  api.get.mockClear();
  parentAllows.clear();
  blocked = false;
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

  test("reads the parent's own choice for the given pages' origins between the clear and the block", async () => {
    parentAllows.add('https://app.slack.com/');
    await applyNotificationBlocks(['https://[*.]slack.com:*'], async () => ['https://app.slack.com/client/T1', 'https://slack.com', 'https://app.slack.com/x', '']);
    expect(api.get.mock.calls.map(([d]) => d.primaryUrl)).toEqual(['https://app.slack.com/', 'https://slack.com/']);
    expect(await allowedUnderBlock('https://app.slack.com/client/T2')).toBe(true);
    expect(await allowedUnderBlock('https://slack.com/')).toBe(false);
    expect(await allowedUnderBlock('https://other.example/')).toBe(false);
    // Asked again after a browser restart, under a block the browser kept: cleared first, so still the parent's.
    await fakeBrowser.storage.session.clear();
    blocked = true;
    await applyNotificationBlocks(['https://[*.]slack.com:*'], async () => ['https://app.slack.com/']);
    expect(await allowedUnderBlock('https://app.slack.com/')).toBe(true);
    // Family time over: nothing is kept.
    await applyNotificationBlocks([], async () => ['https://app.slack.com/']);
    expect(await allowedUnderBlock('https://app.slack.com/')).toBe(false);
  });

  test('on Firefox there is nothing to block with, and nothing is recorded', async () => {
    delete (globalThis as { chrome?: unknown }).chrome;
    expect(canBlockNotifications()).toBe(false);
    expect(await applyNotificationBlocks(['a'])).toEqual([]);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  test("on Firefox a work page's hello reads nothing to learn there is no block", async () => {
    delete (globalThis as { chrome?: unknown }).chrome;
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    expect(await allowedUnderBlock('https://app.slack.com/')).toBe(false);
    expect(get).not.toHaveBeenCalled();
    get.mockRestore();
  });
});
