// How fast family time reaches open work tabs, and leaves them: from the
// boundary's scheduled instant (an alarm, no popup) to each tab's title losing
// its count, and from the end to the count coming back. Five work tabs; once
// with the worker running and once with it stopped (a cold start by the alarm).
import { test } from 'vitest';
import type { Page } from 'playwright-core';
import { serveFixtures } from '../tests/fixtures/server';
import { launch, type Hearth } from '../tests/e2e/harness';
import { openChat, quietFixtureOnly } from '../tests/e2e/helpers';
import { record, summary } from './record';

const TABS = 5;
const ROUNDS = 3;

/**
 * For each tab, the instant its title first satisfies `quiet`, polled from here
 * every few milliseconds (page timers are throttled in background tabs).
 */
async function titleChanges(tabs: Page[], quiet: boolean, timeoutMs = 15_000): Promise<number[]> {
  const seen: (number | undefined)[] = tabs.map(() => undefined);
  const until = Date.now() + timeoutMs;
  while (seen.some((t) => t === undefined) && Date.now() < until) {
    await Promise.all(
      tabs.map(async (tab, i) => {
        if (seen[i] !== undefined) return;
        const title = await tab.title().catch(() => '');
        if (/^\(\d+\)/.test(title) !== quiet) seen[i] = Date.now();
      }),
    );
  }
  return seen.map((t) => t ?? Number.NaN);
}

async function round(hearth: Hearth, tabs: Page[], cold: boolean) {
  const worker = await hearth.worker();
  const start = Date.now() + 4000;
  const end = start + 4000;
  await worker.evaluate(
    async ({ start, end }) => {
      const { settings } = await chrome.storage.local.get('settings');
      const s = settings as { schedule: { blocks: unknown[] } };
      s.schedule.blocks = [{ id: `bench-${start}`, label: 'Bench', start, end }];
      await chrome.storage.local.set({ settings: s });
    },
    { start, end },
  );
  // Every tab shows its count before the boundary (a freshly loaded one may not yet).
  await titleChanges(tabs, false);
  if (cold) {
    await new Promise((r) => setTimeout(r, 500)); // let the settings change finish setting the alarm
    await hearth.stopWorker();
  }
  const on = await titleChanges(tabs, true);
  // A key pressed in each tab marks it as used, so the end does not reload it
  // (untouched work tabs are reloaded to subscribe to push again).
  for (const t of tabs) await t.keyboard.press('Shift');
  if (cold) {
    await new Promise((r) => setTimeout(r, 500));
    await hearth.stopWorker();
  }
  const off = await titleChanges(tabs, false);
  return { on: on.map((t) => t - start), off: off.map((t) => t - end) };
}

test('transition latency into open work tabs', { timeout: 180_000 }, async () => {
  const site = await serveFixtures();
  const hearth = await launch();
  try {
    await quietFixtureOnly(hearth, 'quiet');
    const tabs: Page[] = [];
    for (let i = 0; i < TABS; i++) tabs.push(await openChat(hearth, site, `/chat/bench-${i}?style=paren&every=250`));
    const figures: Record<string, unknown> = { tabs: TABS, rounds: ROUNDS };
    for (const cold of [false, true]) {
      const on: number[] = [];
      const off: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const result = await round(hearth, tabs, cold);
        on.push(...result.on);
        off.push(...result.off);
      }
      figures[cold ? 'coldWorker' : 'warmWorker'] = { startToQuietMs: summary(on), endToRestoredMs: summary(off) };
    }
    record('transition-latency', figures);
  } finally {
    await hearth.close();
    await site.close();
  }
});
