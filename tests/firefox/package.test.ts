// The Firefox store package (`npm run package`), unzipped, installs in Firefox: its worker
// answers, its popup says where the parent stands, and Hearth logs no error.
import { afterAll, expect, test } from 'vitest';
import { manifestIn, unpacked, VERSION } from '../fixtures/packages';
import { launchFirefox, type FirefoxHearth } from './harness';

let ff: FirefoxHearth | undefined;
afterAll(async () => {
  await ff?.close();
});

test('the Firefox package installs, and its popup answers from the worker', async () => {
  const dir = unpacked('firefox');
  expect(manifestIn(dir).version).toBe(VERSION);
  ff = await launchFirefox(dir);
  const popup = await ff.open('src/ui/popup/index.html', '#state');
  await expect.poll(() => popup.$eval('#state', (e) => e.textContent ?? '')).toMatch(/time/i);
  expect(await popup.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.getManifest().version)).toBe(VERSION);
  await popup.close();
  expect(ff.errors()).toEqual([]);
});
