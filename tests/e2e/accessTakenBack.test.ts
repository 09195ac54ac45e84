// Host access taken back in the browser's own settings, as a parent would on
// chrome://extensions: Hearth can no longer reach the site's tabs, so each puts
// itself back (overlay, title, stand-ins, in every frame) rather than staying
// altered until it reloads. Its own browser: the access does not come back.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { TEST_HOST_PERMISSIONS } from '../../vite.config';
import { launch, type Hearth } from './harness';
import { ask, closePages, openChat, overlayShown, quietFixtureOnly } from './helpers';

let site: FixtureServer;
let hearth: Hearth;

beforeAll(async () => {
  site = await serveFixtures();
  hearth = await launch();
  await quietFixtureOnly(hearth, 'dim');
});

afterAll(async () => {
  await hearth?.close();
  await site?.close();
});

/** The site-access switch of chrome://extensions, through the page's own API. */
async function takeAccessBack(pattern: string): Promise<void> {
  const settings = await hearth.context.newPage();
  try {
    await settings.goto('chrome://extensions');
    await settings.evaluate(
      ([id, host]) => (globalThis as unknown as { chrome: { developerPrivate: { removeHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.removeHostPermission(id, host),
      [hearth.id, pattern] as const,
    );
  } finally {
    await settings.close();
  }
}

const native = () => Notification.toString().startsWith('function Notification(');

test('a dimmed tab whose host access is taken back puts itself back, in every frame', async () => {
  const chat = await openChat(hearth, site, '/chat/revoked?style=paren');
  await ask(hearth, { type: 'startFocus', minutes: 30 });
  await expect.poll(() => overlayShown(hearth, chat)).toBe(true);
  await expect.poll(() => chat.title()).toBe('Work Chat');
  expect(await chat.evaluate(native)).toBe(false);
  // A frame of the same site has stand-ins of its own.
  await chat.evaluate(async () => {
    const frame = Object.assign(document.createElement('iframe'), { src: '/chat/framed', name: 'framed' });
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  });
  const framed = chat.frame({ name: 'framed' })!;
  await expect.poll(() => framed.evaluate(native)).toBe(false);

  await takeAccessBack(TEST_HOST_PERMISSIONS[0]!);
  const worker = await hearth.worker();
  expect(await worker.evaluate((origins) => chrome.permissions.contains({ origins }), TEST_HOST_PERMISSIONS)).toBe(false);

  await expect.poll(() => overlayShown(hearth, chat)).toBe(false);
  await expect.poll(() => chat.title()).toMatch(/^\(\d+\) Work Chat$/);
  await expect.poll(() => chat.evaluate(native)).toBe(true);
  await expect.poll(() => framed.evaluate(native)).toBe(true);
  await closePages(chat);
});
