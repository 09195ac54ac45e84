// The browser restarted mid-boundary (same profile): Hearth is still in force
// on the first work page, and puts everything back when family time ends.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { badgeText, eventually, launch, type Hearth } from './harness';
import { ask, muteOf, openChat, quietFixtureOnly, sleep } from './helpers';
import { profileAllowingNotifications } from './profile';

let site: FixtureServer;
let hearth: Hearth | undefined;
let profile: string;

const SHOWN = ['page-shown', 'registration-shown', 'sw-shown'];
const shownSince = (since: number) => SHOWN.reduce((n, kind) => n + site.count(kind, since), 0);

beforeAll(async () => {
  site = await serveFixtures();
  profile = await profileAllowingNotifications(site.origin);
});

afterAll(async () => {
  await hearth?.close();
  await site?.close();
});

test('family time survives a browser restart, and ends cleanly afterwards', async () => {
  hearth = await launch(profile);
  await quietFixtureOnly(hearth, 'quiet');
  await ask(hearth, { type: 'startFocus', minutes: 30 });
  expect(await badgeText(hearth)).toBe('on');
  await hearth.close({ keepProfile: true });

  hearth = await launch(profile);
  // The worker's first reconcile after start-up puts the badge back.
  expect(await eventually(() => badgeText(hearth!), 'on', 5000)).toBe('on');
  const chat = await openChat(hearth, site, '/chat/after-restart');
  const quietFrom = Date.now();
  await expect.poll(() => chat.title(), { timeout: 3000 }).toBe('Work Chat');
  await expect.poll(() => muteOf(hearth!, chat.url()), { timeout: 3000 }).toBe(true);
  await sleep(2500);
  expect(shownSince(quietFrom)).toBe(0);

  await ask(hearth, { type: 'endNow' });
  await expect.poll(() => chat.title(), { timeout: 3000 }).toMatch(/^\(\d+\) Work Chat$/);
  expect(await muteOf(hearth, chat.url())).toBe(false);
  const after = Date.now();
  await expect.poll(() => shownSince(after), { timeout: 5000 }).toBeGreaterThan(0);
});
