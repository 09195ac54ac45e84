// The Chromium store package (`npm run package`), unzipped, loads and works: the
// version is package.json's, the store's forbidden `key` is gone, no site access at install.
import { afterAll, expect, test } from 'vitest';
import { manifestIn, unpacked, VERSION } from '../fixtures/packages';
import { launch, POPUP, type Hearth } from './harness';

let hearth: Hearth | undefined;
afterAll(async () => {
  await hearth?.close();
});

test('the Chromium package loads: its worker starts and the popup says where the parent stands', async () => {
  const dir = unpacked('chrome');
  const manifest = manifestIn(dir);
  expect([manifest.version, manifest.key, manifest.host_permissions]).toEqual([VERSION, undefined, undefined]);
  hearth = await launch(undefined, { extension: dir });
  const popup = await hearth.open(POPUP);
  // Where the parent stands, answered by the worker: "Work time…" or "Family time…".
  await expect.poll(() => popup.locator('#state').textContent()).toMatch(/time/i);
  expect(await popup.evaluate(() => chrome.runtime.getManifest().version)).toBe(VERSION);
});
