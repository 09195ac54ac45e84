// What each configuration adds to a page load, as a ratio to a browser without
// extensions measured in the same run: every configuration is its own browser, and
// loads go round-robin, one at a time, in a shuffled order each round, so a slow
// spell of the machine lands on all of them. Two pages: an ordinary site and the
// listed work site (the same 400-paragraph document). A second browser without
// extensions shows the noise floor. Between loads each browser is left to go quiet
// (CPU), so work a load sets off is counted with it and never lands on the next.
import { test } from 'vitest';
import { seeded, seedFrom } from '../tests/e2e/seeded';
import { CONFIGS, launchConfig, type ConfigName, type Launched } from './configs';
import type { Tab } from './browser';
import { servePages } from './pages';
import { cpuPrecise, cpuSpent, sum, untilQuiet, type ByKind, type Kind } from './procfs';
import { QUICK, record, spread } from './record';

const ROUNDS = QUICK ? 4 : 30;
const WARM_UP = QUICK ? 1 : 3;
const PAGES = ['ordinary', 'work'] as const;
type PageName = (typeof PAGES)[number];

// Navigation timing from the page itself: request start to the end of the load event.
const TIMING = `new Promise((resolve) => {
  const read = () => {
    const e = performance.getEntriesByType('navigation')[0];
    if (e && e.loadEventEnd > 0) resolve({ load: e.loadEventEnd - e.startTime, dcl: e.domContentLoadedEventEnd - e.startTime, firstByte: e.responseStart - e.startTime });
    else setTimeout(read, 5);
  };
  read();
})`;

interface Sample {
  load: number;
  dcl: number;
  /** Navigation start to the first byte of the response: the browser's part, before any script of a page or an extension runs. */
  firstByte: number;
  wall: number;
  cpu: ByKind;
}

test('page load with each configuration, interleaved', { timeout: 900_000 }, async () => {
  const pages = await servePages();
  const browsers: Launched[] = [];
  try {
    browsers.push(...(await Promise.all(CONFIGS.map((config) => launchConfig(config)))));
    const tabs = new Map<ConfigName, Record<PageName, Tab>>();
    for (const b of browsers) {
      const ordinary = await b.openTab(`${pages.ordinary}/doc/first`);
      const work = await b.openTab(`${pages.work}/doc/first`);
      await b.closePages((u) => u === 'about:blank');
      tabs.set(b.config.name, { ordinary, work });
    }
    const samples = new Map<string, (Sample | undefined)[]>();
    const key = (c: ConfigName, p: PageName) => `${c}/${p}`;
    const random = seeded(seedFrom('BENCH_SEED', 10));
    const pairs = browsers.flatMap((b) => PAGES.map((p) => ({ b, p })));
    const t0 = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      const order = [...pairs];
      for (let i = order.length - 1; i > 0; i--) {
        const j = random.upTo(i);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const { b, p } of order) {
        const tab = tabs.get(b.config.name)![p];
        const before = cpuPrecise(b.pid);
        const { wallMs } = await tab.navigate(`${p === 'work' ? pages.work : pages.ordinary}/doc/${round}-${b.config.name}`);
        const timing = await tab.evaluate<{ load: number; dcl: number; firstByte: number }>(TIMING);
        const after = await untilQuiet(b.pid);
        if (round < WARM_UP) continue;
        const list = samples.get(key(b.config.name, p)) ?? [];
        list[round - WARM_UP] = { ...timing, wall: wallMs, cpu: cpuSpent(before, after) };
        samples.set(key(b.config.name, p), list);
      }
    }
    const minutes = (Date.now() - t0) / 60_000;

    // Ratios to the first browser without extensions, round by round (paired: both
    // loads of a pair fall in the same round), then their median and quartiles.
    const rows = [];
    for (const b of browsers) {
      for (const p of PAGES) {
        const mine = samples.get(key(b.config.name, p))!;
        const base = samples.get(key('none-a', p))!;
        const ratio = (f: (s: Sample) => number) => mine.map((s, i) => (s && base[i] ? f(s) / f(base[i]) : Number.NaN));
        const kinds = Object.keys(mine[0]!.cpu) as Kind[];
        rows.push({
          config: b.config.name,
          label: b.config.label,
          page: p,
          loadRatio: spread(ratio((s) => s.load)),
          // The same from the two medians, unpaired: a check on the paired figure.
          loadRatioOfMedians: Number((spread(mine.map((s) => s?.load ?? Number.NaN)).median / spread(base.map((s) => s?.load ?? Number.NaN)).median).toFixed(3)),
          wallRatio: spread(ratio((s) => s.wall)),
          cpuRatio: spread(ratio((s) => sum(s.cpu))),
          loadMs: spread(mine.map((s) => s?.load ?? Number.NaN), 1),
          wallMs: spread(mine.map((s) => s?.wall ?? Number.NaN), 1),
          cpuMs: spread(mine.map((s) => (s ? sum(s.cpu) : Number.NaN)), 1),
          // Where the CPU of a load (until the browser is quiet again) goes, median ms by process kind.
          cpuMsByKind: Object.fromEntries(kinds.map((k) => [k, spread(mine.map((s) => s?.cpu[k] ?? Number.NaN), 1).median])),
          // Every load, round by round, for a second look at the spread.
          rawLoadMs: mine.map((s) => (s ? Math.round(s.load * 10) / 10 : null)),
          rawFirstByteMs: mine.map((s) => (s ? Math.round(s.firstByte * 10) / 10 : null)),
        });
      }
    }
    record('page-load', {
      page: '400-paragraph document with a small script and "(3)" in its title, 127.0.0.1 (work site) or localhost (ordinary)',
      rounds: ROUNDS - WARM_UP,
      warmUpRoundsDiscarded: WARM_UP,
      minutes: Number(minutes.toFixed(1)),
      reference: 'none-a',
      rows,
    });
    for (const r of rows) {
      console.log(
        `${r.config.padEnd(14)} ${r.page.padEnd(9)} load ×${r.loadRatio.median} [${r.loadRatio.p25}–${r.loadRatio.p75}]  wall ×${r.wallRatio.median}  cpu ×${r.cpuRatio.median} (${r.cpuMs.median} ms)`,
      );
    }
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
    await pages.close();
  }
});
