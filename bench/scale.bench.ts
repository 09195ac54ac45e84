// How the pure core's share of one reconcile grows with what a parent has listed:
// read and validate the stored settings (parseSettings, as every loadSettings does),
// work out the desired state, compile the work sites (all, the reachable ones, and
// the set-aside stop with the sites that shadow it), and find the site of each open
// tab. From 1 site and the 3 default windows to 500 sites, 200 windows and 1,000
// "not tonight" skips, during family time and outside it, and an organisation's policy of
// 1,000 sites merged beside a parent's own (read from its stored copy, as every reconcile
// and read does). Time per reconcile
// (median of batches, with quartiles), the heap it leaves live (parsed settings and
// compiled sites, measured with garbage collection forced before and after), and the
// stored size.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { test } from 'vitest';
import { desiredState } from '../src/core/desired';
import { defaultSettings } from '../src/core/settings/defaults';
import { parseSettings } from '../src/core/settings/parse';
import { readPolicy, withPolicy } from '../src/core/policy';
import type { Settings, SiteMode } from '../src/core/settings/schema';
import { compileSites, shadowedBy } from '../src/core/siteMatching';
import type { BoundaryWindow, Weekday } from '../src/core/types';
import { QUICK, record, spread } from './record';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const SCENARIOS = [
  { name: '1 site, 3 windows', sites: 1, windows: 3, skips: 0 },
  { name: '50 sites, 20 windows, 100 skips', sites: 50, windows: 20, skips: 100 },
  { name: '500 sites, 200 windows, 1,000 skips', sites: 500, windows: 200, skips: 1000 },
  // An organisation's policy (core/policy.ts) read from its stored copy and merged on every reconcile.
  { name: "1 site, 3 windows, and an organisation's 1,000 sites and 2 windows", sites: 1, windows: 3, skips: 0, policySites: 1000 },
];
const TABS = 30;
const MODES: SiteMode[] = ['quiet', 'quiet', 'dim', 'set-aside'];

/** Stored settings of that size, as JSON would bring them back from storage. */
function storedSettings(sites: number, windows: number, skips: number, today: Date): unknown {
  const s: Settings = defaultSettings();
  if (windows > s.schedule.windows.length) {
    const extra: BoundaryWindow[] = [];
    for (let i = s.schedule.windows.length; i < windows; i++) {
      const hour = 6 + (i % 16);
      extra.push({
        id: `w${i}`,
        label: `Window ${i}`,
        kind: 'custom',
        days: [((i % 7) as Weekday), (((i + 3) % 7) as Weekday)],
        start: `${String(hour).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
        end: `${String(hour + 1).padStart(2, '0')}:15`,
        endDayOffset: 0,
        paused: i % 10 === 0,
      });
    }
    s.schedule.windows.push(...extra);
  }
  s.schedule.windows = s.schedule.windows.slice(0, windows);
  const ids = s.schedule.windows.map((w) => w.id);
  for (let i = 0; i < skips; i++) {
    const day = new Date(today.getTime() + (1 + (i % 120)) * 86_400_000); // from tomorrow: tonight stays on
    s.schedule.skips.push({ windowId: ids[i % ids.length]!, date: day.toISOString().slice(0, 10) });
  }
  // The first site is one whose tabs are open; the rest are a parent's long list.
  s.sites = Array.from({ length: sites }, (_, i) => ({
    id: `s${i}`,
    pattern: i === 0 ? 'chat.example.com' : i % 5 === 0 ? `*.corp${i}.example` : `app${i}.work${i % 13}.example`,
    mode: MODES[i % MODES.length]!,
  }));
  return JSON.parse(JSON.stringify(s));
}

/** An organisation's policy as storage.managed gives it: `count` sites, evenings and a weekend. */
function policyOf(count: number): unknown {
  if (count === 0) return undefined;
  return {
    sites: Array.from({ length: count }, (_, i) => ({ pattern: `tool${i}.org${i % 17}.example`, mode: MODES[i % MODES.length] })),
    windows: [
      { id: 'evenings', label: 'Evenings', days: [1, 2, 3, 4, 5], start: '19:00', end: '07:00' },
      { id: 'weekend', label: 'Weekend', days: [6], start: '00:00', end: '00:00', endDayOffset: 2 },
    ],
    headsUp: true,
  };
}

/** The pure core's part of one reconcile (see the top of this file). */
function reconcileCore(stored: unknown, now: number, tabs: string[], policy?: unknown) {
  const settings = withPolicy(parseSettings(stored).settings, readPolicy(policy));
  const desired = desiredState(settings, [], now);
  const sites = desired.sites.map((p) => p.site);
  const all = compileSites(sites);
  const reach = compileSites(sites);
  const aside = desired.sites.filter((p) => p.mode === 'set-aside').map((p) => p.site);
  const others = desired.sites.filter((p) => p.mode !== 'set-aside').map((p) => p.site);
  const asideMatches = compileSites(aside).matchPatterns;
  const shadowed = shadowedBy(aside, others);
  const found = tabs.map((url) => reach.siteFor(url)?.id ?? null);
  return { settings, desired, all, reach, asideMatches, shadowed, found };
}

/** Microseconds per call: batches of about 20 ms each, their median and quartiles. */
function timePerCall(fn: () => unknown): ReturnType<typeof spread> {
  const t0 = performance.now();
  let warm = 0;
  while (performance.now() - t0 < 50 || warm < 3) {
    fn();
    warm++;
  }
  const perBatch = Math.max(1, Math.round((20 * warm) / (performance.now() - t0)));
  const batches: number[] = [];
  for (let b = 0; b < (QUICK ? 5 : 25); b++) {
    const s = performance.now();
    for (let i = 0; i < perBatch; i++) fn();
    batches.push(((performance.now() - s) * 1000) / perBatch);
  }
  return spread(batches, 1);
}

/** Bytes of heap left live by keeping what `make` returns (forced GC around, averaged over copies). */
function retainedBytes(make: () => unknown, copies = 100): number {
  const keep: unknown[] = [];
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < copies; i++) keep.push(make());
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (keep.length !== copies) throw new Error('unreachable');
  return Math.round((after - before) / copies);
}

test('the pure core of a reconcile, from 1 site to 500', () => {
  process.env.TZ = 'Europe/London';
  // A Wednesday at 18:30 local: the default dinner window is on; 11:00: nothing is on.
  const during = new Date(2026, 10, 25, 18, 30).getTime();
  const outside = new Date(2026, 10, 25, 11, 0).getTime();
  const tabs = Array.from({ length: TABS }, (_, i) =>
    i % 3 === 0 ? `https://chat.example.com/c/${i}` : i % 3 === 1 ? `https://app${i}.work${i % 13}.example/x` : `https://news${i}.example.org/`,
  );
  const rows = SCENARIOS.map((sc) => {
    const stored = storedSettings(sc.sites, sc.windows, sc.skips, new Date(during));
    const policy = policyOf(sc.policySites ?? 0);
    const on = reconcileCore(stored, during, tabs, policy);
    if (on.desired.active.length === 0) throw new Error(`${sc.name}: family time should be on at the "during" instant`);
    return {
      scenario: sc.name,
      storedBytes: JSON.stringify(stored).length,
      storedPolicyBytes: policy === undefined ? 0 : JSON.stringify(policy).length,
      reconcileUsDuring: timePerCall(() => reconcileCore(stored, during, tabs, policy)),
      reconcileUsOutside: timePerCall(() => reconcileCore(stored, outside, tabs, policy)),
      // Parts, during family time.
      parseSettingsUs: timePerCall(() => parseSettings(stored)).median,
      desiredStateUs: timePerCall(() => desiredState(on.settings, [], during)).median,
      compileSitesUs: timePerCall(() => compileSites(on.settings.sites)).median,
      readPolicyUs: policy === undefined ? 0 : timePerCall(() => withPolicy(on.settings, readPolicy(policy))).median,
      retainedKiB: Number((retainedBytes(() => reconcileCore(stored, during, tabs, policy)) / 1024).toFixed(1)),
    };
  });
  const small = rows[0]!;
  const large = rows.find((r) => r.scenario.startsWith('500 sites'))!;
  record('core-scale', {
    openTabs: TABS,
    rows,
    growth: {
      reconcileDuring: Number((large.reconcileUsDuring.median / small.reconcileUsDuring.median).toFixed(1)),
      retained: Number((large.retainedKiB / small.retainedKiB).toFixed(1)),
    },
  });
});
