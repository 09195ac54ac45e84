// One table of every benchmark figure beside its target (issue 10), read from the
// JSON files in bench/results, printed at the end of `npm run bench` and kept as
// bench/results/summary.md. A verdict says how a figure stands: "meets", "misses",
// or "within noise" when it misses by less than two browsers without extensions
// differ in the same run. Nothing is asserted.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(import.meta.dirname, 'results');
const load = (name) => {
  const file = join(DIR, `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};
const fmt = (x, digits = 2) => (x === null || x === undefined || Number.isNaN(x) ? 'n/a' : Number(x).toFixed(digits));
const iqr = (s, digits = 2) => (s ? `${fmt(s.p25, digits)}–${fmt(s.p75, digits)}` : '');
const verdict = (value, target, noise = 0) =>
  value === null || value === undefined || Number.isNaN(value) ? 'n/a' : value <= target ? 'meets' : value <= target + noise ? 'within noise' : 'misses';

/**
 * How far two browsers without extensions differ over the idle window: the larger of what
 * they differed by in this run and two standard deviations of that difference, from their
 * slices paired in time (one run's difference is one draw of the noise, not its size).
 */
function idleNoise(a, b) {
  const observed = Math.abs(b?.cpuExtraSeconds ?? 0);
  const xs = a?.cpuSlices, ys = b?.cpuSlices;
  if (!xs || !ys || xs.length !== ys.length || xs.length < 2) return observed;
  const d = xs.map((x, i) => ys[i] - x);
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1));
  return Math.max(observed, 2 * sd * Math.sqrt(d.length));
}

export function rows() {
  const out = [];
  const add = (group, what, figure, spread, target, judged) => out.push({ group, what, figure, spread, target, verdict: judged ?? '' });

  const pl = load('page-load');
  if (pl) {
    const f = pl.figures;
    const row = (c, p) => f.rows.find((r) => r.config === c && r.page === p);
    for (const page of ['ordinary', 'work']) {
      const floor = row('none-b', page);
      // The noise floor: how far two identical browsers differ in this run.
      const noise = floor ? Math.max(Math.abs(floor.loadRatio.median - 1), (floor.loadRatio.p75 - floor.loadRatio.p25) / 2) : 0;
      for (const r of f.rows.filter((x) => x.page === page && x.config !== 'none-a')) {
        const target = r.config === 'hearth-on' && page === 'work' ? 1.03 : r.config.startsWith('hearth') ? 1.01 : null;
        add(
          `page load ÷ no extension, ${page} page (n=${f.rounds})`,
          r.label,
          `×${fmt(r.loadRatio.median, 3)}`,
          `${iqr(r.loadRatio, 3)}; CPU ×${fmt(r.cpuRatio.median, 3)} [${iqr(r.cpuRatio, 3)}], ${fmt(r.cpuMs.median, 0)} ms`,
          target === null ? (r.config === 'none-b' ? 'noise floor' : 'control') : `≤ ${target}`,
          target === null ? '' : verdict(r.loadRatio.median, target, noise),
        );
      }
    }
  }

  const idle = load('idle');
  if (idle) {
    const f = idle.figures;
    const row = (id) => f.rows.find((r) => r.setup === id);
    const noise = idleNoise(row('none-a'), row('none-b'));
    for (const r of f.rows.filter((x) => x.setup !== 'none-a' && x.setup !== 'none-a+chat')) {
      const hearth = r.setup.startsWith('hearth');
      add(
        `idle ${f.windowSeconds} s, one tab: CPU s of the whole browser, + vs ${r.reference}`,
        r.label,
        `${fmt(r.cpuSeconds, 3)} s (${r.cpuExtraSeconds >= 0 ? '+' : ''}${fmt(r.cpuExtraSeconds, 3)})`,
        `per ${f.sliceSeconds} s: ${fmt(r.cpuPerSlice.median, 4)} [${iqr(r.cpuPerSlice, 4)}]`,
        hearth && !r.setup.includes('chat') ? `+ ≤ noise (${fmt(noise, 3)})` : r.setup === 'none-b' ? 'noise floor' : r.setup.startsWith('empty') ? 'control' : '',
        hearth && !r.setup.includes('chat') ? verdict(r.cpuExtraSeconds, noise) : '',
      );
    }
    for (const r of f.rows.filter((x) => x.workerStartsInWindow !== null)) {
      add(
        `idle ${f.windowSeconds} s: worker starts (and seconds running)`,
        r.label,
        `${r.workerStartsInWindow} (${fmt(r.workerRunningSecondsInWindow, 1)} s)`,
        r.workerIdledOutBeforeWindow ? 'idled out before' : 'still running at the start',
        r.setup.startsWith('hearth') ? '0' : '',
        r.setup.startsWith('hearth') ? verdict(r.workerStartsInWindow + (r.workerRunningSecondsInWindow > 0 ? 1 : 0), 0) : '',
      );
    }
    const noiseMiB = Math.abs((row('none-b')?.memory.pssMiB ?? 0) - (row('none-a')?.memory.pssMiB ?? 0));
    for (const r of f.rows.filter((x) => !x.setup.includes('chat') && x.setup !== 'empty-worker')) {
      const hearth = r.setup.startsWith('hearth');
      add(
        'memory after idle: browser PSS − empty-worker control (MiB)',
        r.label,
        `${r.vsEmptyWorkerMiB.pss >= 0 ? '+' : ''}${fmt(r.vsEmptyWorkerMiB.pss, 1)}`,
        `USS ${fmt(r.vsEmptyWorkerMiB.uss, 1)}, RSS ${fmt(r.vsEmptyWorkerMiB.rss, 1)}; PSS ${fmt(r.memory.pssMiB, 1)}`,
        hearth ? `≤ +5 (noise ${fmt(noiseMiB, 1)})` : r.setup === 'none-b' ? 'noise floor' : r.setup.startsWith('empty') ? 'control' : '',
        hearth ? verdict(r.vsEmptyWorkerMiB.pss, 5, noiseMiB) : '',
      );
    }
  }

  const q = load('time-to-quiet');
  if (q) {
    const f = q.figures;
    for (const mode of ['warm', 'cold']) {
      const m = f[mode];
      if (!m) continue;
      const label = mode === 'warm' ? 'worker running' : 'worker stopped beforehand';
      add(`time to quiet, ${f.tabs} work tabs (ms, n=${f.roundsEach})`, `alarm → every effect, ${label}`, fmt(m.everyEffectOnMs.median, 0), iqr(m.everyEffectOnMs, 0), '≤ 300', verdict(m.everyEffectOnMs.median, 300));
      add(`time to quiet, ${f.tabs} work tabs (ms, n=${f.roundsEach})`, `end → all back, ${label}`, fmt(m.everyEffectBackMs.median, 0), iqr(m.everyEffectBackMs, 0), '≤ 300', verdict(m.everyEffectBackMs.median, 300));
    }
  }

  const leaks = load('leaks-under-load');
  if (leaks) {
    const f = leaks.figures;
    for (const mode of ['warm', 'cold']) {
      const m = f[mode];
      if (!m) continue;
      const worst = Math.max(...m.shownAfterStart);
      const first = m.rounds[0];
      add(
        `leaks: notifications shown after the start (every ${f.notifyEveryMs} ms, ${f.roundsEach} rounds)`,
        mode === 'warm' ? 'worker running' : 'worker stopped beforehand',
        m.shownAfterStart.join(', '),
        first ? `by delay: ${Object.entries(first.byDelayMs).map(([k, v]) => `${k} ms ${v}`).join(', ')}` : '',
        '0',
        verdict(worst, 0),
      );
    }
  }

  const size = load('bundle-size');
  if (size) {
    const kb = (b) => `${fmt(b / 1000, 1)} KB`;
    for (const target of ['chrome', 'firefox']) {
      const s = size.figures[target];
      if (!s) continue;
      add(`size, ${target} (gzip, 1 KB = 1,000 bytes)`, 'content scripts in a work page (quiet + quiet-main)', kb(s.contentScriptsGzipTogether.workPage), `dimmed sites + calm-overlay: ${kb(s.contentScriptsGzipTogether.dimPage)}; set-aside sites + aside: ${kb(s.contentScriptsGzipTogether.setAsidePage)}; sites with let-through words + let-through: ${kb(s.contentScriptsGzipTogether.letThroughPage ?? NaN)}`, '≤ 3 KB', verdict(s.contentScriptsGzipTogether.workPage, 3000));
      for (const [name, e] of Object.entries(s.entries)) {
        const limit = { worker: 30_000, popup: 25_000 }[name];
        add(`size, ${target} (gzip, 1 KB = 1,000 bytes)`, `${name} (${e.files} files)`, kb(e.gzipBytes), `${kb(e.bytes)} raw`, limit ? `≤ ${limit / 1000} KB` : '', limit ? verdict(e.gzipBytes, limit) : '');
      }
      add(`size, ${target} (gzip, 1 KB = 1,000 bytes)`, 'package (zip)', kb(s.zipBytes), `locales en ${kb(s.locales.en.gzipBytes)} gz`, '', '');
    }
  }

  const scale = load('core-scale');
  if (scale) {
    for (const r of scale.figures.rows) {
      add(
        `scale: the pure core of one reconcile (${scale.figures.openTabs} open tabs)`,
        r.scenario,
        `${fmt(r.reconcileUsDuring.median / 1000, 2)} ms during, ${fmt(r.reconcileUsOutside.median / 1000, 2)} ms outside`,
        `${iqr({ p25: r.reconcileUsDuring.p25 / 1000, p75: r.reconcileUsDuring.p75 / 1000 })} ms; live heap ${fmt(r.retainedKiB, 1)} KiB; stored ${fmt(r.storedBytes / 1000, 1)} KB`,
        'shows growth',
        '',
      );
    }
  }

  const t = load('transition-latency');
  if (t) {
    const f = t.figures;
    add(`transition, ${f.tabs} tabs, title only (ms)`, 'alarm → titles quiet, worker running / stopped', `${f.warmWorker.startToQuietMs.median} / ${f.coldWorker.startToQuietMs.median}`, `p90 ${f.warmWorker.startToQuietMs.p90} / ${f.coldWorker.startToQuietMs.p90}`, '', '');
  }
  return out;
}

export function printTable({ minutes } = {}) {
  const machine = (load('page-load') ?? load('idle') ?? load('time-to-quiet'))?.machine ?? {};
  const quick = load('page-load')?.quick ?? false;
  const header = [
    `# Benchmark summary`,
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' — QUICK smoke run: too few rounds to compare' : ''}${minutes ? `, ${minutes.toFixed(1)} minutes` : ''}.`,
    `Machine: ${machine.cpus ?? '?'} × ${machine.model ?? '?'}, ${machine.memoryGiB ?? '?'} GiB, Linux ${machine.kernel ?? '?'}, Node ${machine.node ?? '?'}, ${machine.browser ?? '?'} (headless); load average at the end of the page-load run ${machine.loadAverage1m ?? '?'}.`,
    '',
    'Ratios are medians of loads paired round by round in one run, with their inter-quartile range; see bench/README.md for each row.',
    '',
  ];
  const cells = [['group', 'row', 'figure', 'spread / detail', 'target', 'verdict']];
  let group = '';
  for (const r of rows()) {
    cells.push([r.group === group ? '' : r.group, r.what, r.figure, r.spread, r.target, r.verdict]);
    group = r.group;
  }
  const md = [...header, ...cells.map((c, i) => `| ${c.map((x) => String(x).replaceAll('|', '\\|')).join(' | ')} |${i === 0 ? `\n|${c.map(() => ' --- ').join('|')}|` : ''}`)].join('\n');
  writeFileSync(join(DIR, 'summary.md'), `${md}\n`);
  console.log(`\n${md}\n`);
}

// `node bench/table.mjs`: print the table of the results kept now.
if (import.meta.url === `file://${process.argv[1]}`) printTable();
