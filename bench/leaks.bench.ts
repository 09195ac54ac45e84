// Leaks under load: the fixture work chat notifies every 50 ms, from the page, through
// its service worker registration and from the service worker by itself (as a push
// would), and family time starts under it (its alarm; no popup open). Counted: the
// notifications the browser really showed (the chat reports each) from the start
// instant on, by source and by how long after the start. With the worker running at
// the start and stopped beforehand. Before each start the chat must be seen
// notifying, and after each end it must be seen notifying again (positive controls).
import { rm } from 'node:fs/promises';
import { test } from 'vitest';
import { serveFixtures } from '../tests/fixtures/server';
import { profileAllowingNotifications } from '../tests/e2e/profile';
import { configNamed, launchConfig, setBenchBlock } from './configs';
import { QUICK, record } from './record';

const ROUNDS = QUICK ? 1 : 2;
const LEAD_MS = 3000;
const SPAN_MS = 5000;
const SOURCES = ['page', 'registration', 'sw'] as const;
const BUCKETS = [100, 300, 1000, Number.POSITIVE_INFINITY];

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

test('notifications shown after family time starts, under load', { timeout: 300_000 }, async () => {
  const chat = await serveFixtures();
  const dir = await profileAllowingNotifications(chat.origin);
  const b = await launchConfig(configNamed('hearth-off'), { userDataDir: dir });
  try {
    const tab = await b.openTab(`${chat.origin}/chat/leaks?every=50`);
    await b.closePages((u) => u === 'about:blank');
    const shownBetween = (from: number, to: number, source?: (typeof SOURCES)[number]) =>
      chat.reports.filter((r) => r.at >= from && r.at < to && (source ? [source] : SOURCES).some((s) => r.kind === `${s}-shown`)).length;
    const modes: Record<string, unknown> = {};
    for (const cold of [false, true]) {
      const rounds = [];
      for (let r = 0; r < ROUNDS; r++) {
        const start = Date.now() + LEAD_MS;
        const end = start + SPAN_MS;
        await setBenchBlock(b, `leaks-${start}`, start, end);
        if (cold) {
          await sleepUntil(start - LEAD_MS / 2);
          await b.stopWorker(tab, b.workerPrefix!);
        }
        const workerRunningAtStart = b.running(b.workerPrefix!) > 0;
        await sleepUntil(end + 3000);
        const after = [0, ...BUCKETS];
        rounds.push({
          workerRunningAtStart,
          shownInSecondBeforeStart: shownBetween(start - 1000, start),
          shownAfterStart: shownBetween(start, end),
          bySource: Object.fromEntries(SOURCES.map((s) => [s, shownBetween(start, end, s)])),
          // Shown within 0-100 ms of the start, 100-300, 300-1000, and later.
          byDelayMs: Object.fromEntries(
            BUCKETS.map((to, i) => [`${after[i]}-${Number.isFinite(to) ? to : 'end'}`, shownBetween(start + after[i]!, Math.min(start + to, end))]),
          ),
          // Everything the chat reported in the span (shown, refused, failed): what it tried.
          attemptsReported: chat.reports.filter((x) => x.at >= start && x.at < end && /^(page|registration|sw)-/.test(x.kind)).length,
          shownInThreeSecondsAfterEnd: shownBetween(end, end + 3000),
        });
      }
      modes[cold ? 'cold' : 'warm'] = {
        shownAfterStart: rounds.map((r) => r.shownAfterStart),
        rounds,
      };
    }
    record('leaks-under-load', { notifyEveryMs: 50, familyTimeMs: SPAN_MS, roundsEach: ROUNDS, ...modes });
  } finally {
    await b.close();
    await rm(dir, { recursive: true, force: true });
    await chat.close();
  }
});
