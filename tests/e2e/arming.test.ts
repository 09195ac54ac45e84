// Arming: a few seconds before family time starts, Hearth's scripts reach the open work
// pages and Chromium's block is set, so that nothing slips through at the start itself;
// a start that is taken away in those seconds leaves the page as it was.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { launch, type Hearth } from './harness';
import { closePages, muteOf, openChat, quietFixtureOnly, sleep } from './helpers';
import { profileAllowingNotifications } from './profile';

let site: FixtureServer;
let hearth: Hearth;

const SHOWN = ['page-shown', 'registration-shown', 'sw-shown'] as const;
const shownBetween = (from: number, to: number) => site.reports.filter((r) => r.at >= from && r.at < to && (SHOWN as readonly string[]).includes(r.kind)).length;

beforeAll(async () => {
  site = await serveFixtures();
  hearth = await launch(await profileAllowingNotifications(site.origin));
  await quietFixtureOnly(hearth, 'quiet');
});

afterAll(async () => {
  await hearth?.close();
  await site?.close();
});

/** A one-off block from `start` to `end` (none: no block), written as the options page would. */
async function setBlock(block: { start: number; end: number } | null): Promise<void> {
  const worker = await hearth.worker();
  await worker.evaluate(async (b) => {
    const { settings } = await chrome.storage.local.get('settings');
    const s = settings as { schedule: { blocks: unknown[] } };
    s.schedule.blocks = b ? [{ id: `arming-${b.start}`, label: 'Arming', ...b }] : [];
    await chrome.storage.local.set({ settings: s });
  }, block);
}

const registered = async () => (await (await hearth.worker()).evaluate(() => chrome.scripting.getRegisteredContentScripts())).length;
const blocked = async (url: string) =>
  (await hearth.worker()).evaluate(async (u) => (await chrome.contentSettings.notifications.get({ primaryUrl: u })).setting, url);

describe('family time armed ahead of its start', () => {
  test('a page open before a block that starts in a few seconds holds what it sends right at the start', async () => {
    // Often enough to notify right at the start, not so often that its reports (timed as the
    // server receives them) queue up on a loaded machine and arrive after it.
    const chat = await openChat(hearth, site, '/chat/armed?every=150');
    const before = Date.now();
    await expect.poll(() => shownBetween(before, Date.now()), { timeout: 5000 }).toBeGreaterThan(0);

    const start = Date.now() + 3000;
    await setBlock({ start, end: start + 6000 });
    // Armed at once (the start is within the lead): scripts and block in place, nothing felt yet.
    await expect.poll(registered, { timeout: 2500 }).toBe(2);
    await expect.poll(() => blocked(chat.url()), { timeout: 2500 }).toBe('block');
    expect(await muteOf(hearth, chat.url())).toBe(false);
    expect(Date.now()).toBeLessThan(start);

    // Two seconds of the chat notifying into family time: none shown.
    await sleep(start - Date.now() + 2000);
    expect(shownBetween(start, Date.now())).toBe(0);
    await expect.poll(() => chat.title(), { timeout: 3000 }).toBe('Work Chat');
    await expect.poll(() => muteOf(hearth, chat.url()), { timeout: 3000 }).toBe(true);
    // Open before family time, the page keeps its view of the parent's permission.
    expect(await chat.evaluate(() => Notification.permission)).toBe('granted');

    // The end puts everything back, and the chat is heard again.
    await sleep(start + 6000 - Date.now());
    await expect.poll(() => chat.title(), { timeout: 3000 }).toMatch(/^\(\d+\) Work Chat$/);
    const back = Date.now();
    await expect.poll(() => shownBetween(back, Date.now()), { timeout: 5000 }).toBeGreaterThan(0);
    await closePages(chat);
  });

  test('a block removed while armed disarms: scripts gone, block lifted, and the start passes unfelt', async () => {
    const chat = await openChat(hearth, site, '/chat/disarmed?every=200');
    const start = Date.now() + 4000;
    await setBlock({ start, end: start + 60_000 });
    await expect.poll(registered, { timeout: 3000 }).toBe(2);
    await expect.poll(() => blocked(chat.url()), { timeout: 3000 }).toBe('block');

    await setBlock(null);
    await expect.poll(registered, { timeout: 3000 }).toBe(0);
    await expect.poll(() => blocked(chat.url()), { timeout: 3000 }).toBe('allow');
    await sleep(Math.max(0, start - Date.now()) + 1500);
    // Past the start it would have had: the page counts, sounds and notifies as before.
    expect(await chat.title()).toMatch(/^\(\d+\) Work Chat$/);
    expect(await muteOf(hearth, chat.url())).toBe(false);
    await expect.poll(() => shownBetween(start, Date.now()), { timeout: 5000 }).toBeGreaterThan(0);
    await closePages(chat);
  });

  test("a page loaded while armed can't take the browser's own Notification through traps it puts on Object.prototype", async () => {
    const start = Date.now() + 4000;
    await setBlock({ start, end: start + 60_000 });
    await expect.poll(registered, { timeout: 3000 }).toBe(2);
    // Loaded under the registration, its stand-ins hold from its load. The page lays traps
    // for the stand-ins' own Proxy handlers once family time is on (the worker has muted it).
    const chat = await openChat(hearth, site, '/chat/traps?every=300');
    expect(await muteOf(hearth, chat.url())).toBe(false);
    await expect.poll(() => muteOf(hearth, chat.url()), { timeout: start - Date.now() + 5000 }).toBe(true);
    const seen = await chat.evaluate(() => {
      const own = Object.prototype as Record<string, unknown>;
      let leaked: unknown = null;
      // Traps the stand-ins' handlers lack, offered from Object.prototype: calling the
      // constructor without `new`, reading a property of the registration's method.
      own.apply = (target: unknown) => void (leaked = target);
      try {
        (Notification as unknown as (title: string) => void)('called');
      } catch {
        /* the browser's own TypeError: 'new' is required */
      }
      delete own.apply;
      own.get = (target: unknown) => void (leaked ??= target);
      void (ServiceWorkerRegistration.prototype.showNotification as unknown as { extra?: unknown }).extra;
      delete own.get;
      return { leaked: leaked !== null, native: Notification.toString().startsWith('function Notification(') };
    });
    expect(seen).toEqual({ leaked: false, native: false });
    await closePages(chat);
  });
});
