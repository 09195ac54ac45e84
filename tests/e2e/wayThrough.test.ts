// A way through near the end of family time, walked through as a parent in real
// Chromium: with less family time left than the chosen 10 minutes, the calm page offers
// "Go through until <the end>", the way through closes with family time, and the
// reflection page says how long it really lasted, not the 10 minutes chosen.
// Everything the parent sees is found by role and accessible name.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { CALM, badgeText, eventually, launch, type Hearth } from './harness';
import { closePages, quietFixtureOnly, setBlocks } from './helpers';

const REFLECTION = 'src/ui/reflection/index.html';

let site: FixtureServer;
let hearth: Hearth;

beforeAll(async () => {
  site = await serveFixtures();
  hearth = await launch();
  await quietFixtureOnly(hearth, 'set-aside');
});

afterAll(async () => {
  await hearth?.close();
  await site?.close();
});

/** The way through stored for the site, read through the worker. */
async function passUntil(): Promise<number | null> {
  const worker = await hearth.worker();
  return worker.evaluate(async () => {
    const { passes } = await chrome.storage.local.get('passes');
    return (passes as { until: number }[] | undefined)?.[0]?.until ?? null;
  });
}

describe('a way through as family time ends', () => {
  test('offers to go through until the end, closes with it, and reflection says how long it really was', async () => {
    // Family time for 20 more seconds: less than the 10 minutes a way through would last.
    const end = Date.now() + 20_000;
    await setBlocks(hearth, [{ id: 'e2e-last-moments', label: 'Dinner', start: Date.now() - 60_000, end }]);
    expect(await eventually(() => badgeText(hearth), 'on', 5_000)).toBe('on');

    const address = `${site.origin}/chat/walk?room=2#latest`;
    const page = await hearth.context.newPage();
    await page.goto(address);
    await expect.poll(() => page.url(), { timeout: 3000 }).toContain(CALM);

    // "Go through until 7:30 PM", in the browser's own clock style.
    const endsAt = await page.evaluate((at) => new Intl.DateTimeFormat(navigator.language, { hour: 'numeric', minute: '2-digit' }).format(at), end);
    const goThrough = page.getByRole('button', { name: `Go through until ${endsAt}`, exact: true });
    await goThrough.waitFor();
    expect(await page.getByRole('button', { name: /^Go through for/ }).count()).toBe(0);
    await goThrough.click();
    await expect.poll(() => page.url(), { timeout: 5000 }).toBe(address);
    // It belongs to this family time: it closes as family time ends, not 10 minutes on.
    expect(await passUntil()).toBe(end);

    expect(await eventually(() => badgeText(hearth), '', 30_000)).toBe('');
    const reflection = await hearth.open(REFLECTION);
    const facts = reflection.getByRole('list', { name: 'Ways through and early endings', exact: true });
    await expect.poll(() => facts.getByRole('listitem').allTextContents()).toEqual([
      'You went through to 127.0.0.1 for less than a minute today',
    ]);
    await closePages(page, reflection);
  });
});
