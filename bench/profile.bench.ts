// A diagnosis, not a figure with a target (`BENCH_PROFILE=1 npm run bench`, or
// `BENCH_PROFILE=1 npx vitest run --project bench bench/profile.bench.ts` after
// `npm run build:test`): what Hearth's worker does while work pages load during family
// time. An unminified test build (so the profile names Hearth's own functions) with
// family time on; one work tab loads the page again and again. DevTools is attached
// to the worker for this (it keeps the worker running, which the figures elsewhere
// avoid), with a CPU profile (100 µs sampling) and every call the worker makes to the
// extension APIs counted; the work page's renderer is profiled too. Results: the
// worker's JavaScript time per load, the functions it is spent in, its API calls per
// load, and the page's JavaScript time per load by script (Hearth's content scripts,
// the page's own, the rest).
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { configNamed, launchConfig } from './configs';
import { servePages } from './pages';
import { untilQuiet } from './procfs';
import { record } from './record';

const ON = process.env.BENCH_PROFILE === '1';
const LOADS = 20;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

// Counts each extension API call the worker makes (webextension-polyfill calls through
// to chrome.* at call time, so wrapping chrome.* sees them all).
const COUNT_CALLS = `(() => {
  const counts = (globalThis.__benchCalls = {});
  const areas = { tabs: chrome.tabs, scripting: chrome.scripting, 'storage.local': chrome.storage.local,
    'storage.session': chrome.storage.session, 'storage.sync': chrome.storage.sync, alarms: chrome.alarms, action: chrome.action,
    permissions: chrome.permissions, 'contentSettings.notifications': chrome.contentSettings?.notifications, notifications: chrome.notifications };
  for (const [area, api] of Object.entries(areas)) {
    if (!api) continue;
    for (const name of Object.keys(Object.getPrototypeOf(api)).concat(Object.keys(api))) {
      const fn = api[name];
      if (typeof fn !== 'function' || name.startsWith('on') || fn.__bench) continue;
      const wrapped = function (...args) { counts[area + '.' + name] = (counts[area + '.' + name] ?? 0) + 1; return fn.apply(this, args); };
      wrapped.__bench = true;
      try { api[name] = wrapped; } catch {}
    }
  }
  return Object.keys(counts).length;
})()`;

test.skipIf(!ON)('where the worker spends its time as work pages load during family time', { timeout: 600_000 }, async () => {
  const build = await mkdtemp(join(tmpdir(), 'hearth-unminified-'));
  const built = spawnSync('npx', ['vite', 'build', '--mode', 'chrome-test', '--minify', 'false', '--outDir', build, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the unminified build failed');
  const pages = await servePages();
  const b = await launchConfig({ ...configNamed('hearth-on'), extensions: [build] });
  try {
    const tab = await b.openTab(`${pages.work}/doc/profile-0`);
    await b.closePages((u) => u === 'about:blank');
    for (let i = 1; i <= 3; i++) await tab.navigate(`${pages.work}/doc/profile-${i}`); // warm up; the worker runs
    await b.untilStarted((u) => u.startsWith(b.workerPrefix!), 5000);
    const worker = await b.attachWorker((u) => u.startsWith(b.workerPrefix!));
    await worker.evaluate(COUNT_CALLS);
    await b.send('Profiler.enable', {}, worker.sessionId);
    await b.send('Profiler.setSamplingInterval', { interval: 100 }, worker.sessionId);
    await b.send('Profiler.start', {}, worker.sessionId);
    // The page: one profile per load (a navigation starts a new document).
    const pageSelf = new Map<string, number>();
    const t0 = performance.now();
    for (let i = 0; i < LOADS; i++) {
      await b.send('Profiler.enable', {}, tab.sessionId);
      await b.send('Profiler.setSamplingInterval', { interval: 100 }, tab.sessionId);
      await b.send('Profiler.start', {}, tab.sessionId);
      await tab.navigate(`${pages.work}/doc/profile-load-${i}`);
      await untilQuiet(b.pid, { maxMs: 600 });
      const { profile: page } = await b.send<{ profile: Profile }>('Profiler.stop', {}, tab.sessionId);
      const nodes = new Map(page.nodes.map((n) => [n.id, n]));
      page.samples.forEach((id, k) => {
        const frame = nodes.get(id)!.callFrame;
        const where = frame.url.includes('/src/content/')
          ? `Hearth ${frame.url.split('/').pop()}: ${frame.functionName || '(top level)'}:${frame.lineNumber + 1}`
          : frame.url.startsWith('http')
            ? 'the page\'s own script'
            : ['(idle)', '(program)', '(root)'].includes(frame.functionName)
              ? 'idle'
              : `other: ${frame.functionName || '(anonymous)'}`;
        pageSelf.set(where, (pageSelf.get(where) ?? 0) + (page.timeDeltas[k] ?? 0) / 1000);
      });
    }
    const wallMs = performance.now() - t0;
    const { profile } = await b.send<{ profile: Profile }>('Profiler.stop', {}, worker.sessionId);
    const calls = await worker.evaluate<Record<string, number>>('globalThis.__benchCalls');

    // Self time per node, from the samples and the time between them.
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const name = (n: ProfileNode) =>
      `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
    const idle = new Set(['(idle)', '(program)', '(root)']);
    const selfBy = new Map<string, number>();
    const inclusiveBy = new Map<string, number>();
    let busy = 0;
    let idleMs = 0;
    for (const [id, ms] of self) {
      const node = byId.get(id)!;
      if (idle.has(node.callFrame.functionName)) {
        idleMs += ms;
        continue;
      }
      busy += ms;
      selfBy.set(name(node), (selfBy.get(name(node)) ?? 0) + ms);
      // Inclusive: once for each distinct function on the stack.
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const n = byId.get(at)!;
        if (idle.has(n.callFrame.functionName) || !n.callFrame.functionName) continue;
        const key = name(n);
        if (seen.has(key)) continue;
        seen.add(key);
        inclusiveBy.set(key, (inclusiveBy.get(key) ?? 0) + ms);
      }
    }
    const top = (m: Map<string, number>, k: number) =>
      [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([fn, ms]) => ({ fn, msPerLoad: Number((ms / LOADS).toFixed(2)) }));
    const perLoad = Object.fromEntries(Object.entries(calls).sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, Number((n / LOADS).toFixed(1))]));
    record('worker-profile', {
      loads: LOADS,
      wallMsPerLoad: Number((wallMs / LOADS).toFixed(1)),
      workerJsMsPerLoad: Number((busy / LOADS).toFixed(2)),
      workerIdleMsPerLoad: Number((idleMs / LOADS).toFixed(1)),
      apiCallsPerLoad: Number((Object.values(calls).reduce((a, n) => a + n, 0) / LOADS).toFixed(1)),
      apiCallsPerLoadByName: perLoad,
      topSelf: top(selfBy, 15),
      topInclusive: top(inclusiveBy, 25),
      // The page's main thread while loading, by script (ms per load).
      pageJsMsPerLoadBy: Object.fromEntries(top(pageSelf, 30).map(({ fn, msPerLoad }) => [fn, msPerLoad])),
    });
  } finally {
    await b.close();
    await pages.close();
    await rm(build, { recursive: true, force: true });
  }
});
