// `npm run bench`: build Hearth (release and test builds), measure what it weighs,
// run the benchmarks (vitest project `bench`), then print one table of every figure
// beside its target and write it to bench/results/summary.md. Figures are printed
// and kept, never asserted. `BENCH_QUICK=1 npm run bench`: a smoke run, few rounds;
// `BENCH_SIZE_ONLY=1`: sizes only.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTable } from '../bench/table.mjs';

const started = Date.now();
const quick = process.env.BENCH_QUICK === '1';
const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', 'build', '--silent']);
run('npm', ['run', 'build:test', '--silent']);

// ---------------------------------------------------------------------------
// Size: what a parent downloads, and what each part of Hearth loads. An entry's
// weight is its own file plus every file it imports (and, for a page, the scripts
// and styles its HTML names), each gzipped on its own at level 9 (as served
// compressed), summed.
// ---------------------------------------------------------------------------
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Files an entry loads: static imports of scripts, and for HTML its scripts, preloads and styles. */
function closure(dist, entry) {
  const seen = new Set();
  const visit = (rel) => {
    const path = normalize(rel).replace(/^\/+/, '');
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(join(dist, path), 'utf8');
    const refs = path.endsWith('.html')
      ? [...text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1])
      : [...text.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) => m[1]);
    for (const ref of refs) {
      if (/^[a-z-]+:/.test(ref)) continue;
      visit(ref.startsWith('/') ? ref : join(dirname(path), ref));
    }
  };
  visit(entry);
  return [...seen];
}

function entryWeight(dist, entry) {
  const files = closure(dist, entry);
  return { files: files.length, bytes: files.reduce((n, f) => n + statSync(join(dist, f)).size, 0), gzipBytes: files.reduce((n, f) => n + gz(join(dist, f)), 0) };
}

const ENTRIES = {
  worker: 'service-worker-loader.js',
  popup: 'src/ui/popup/index.html',
  options: 'src/ui/options/index.html',
  calm: 'src/ui/calm/index.html',
  onboarding: 'src/ui/onboarding/index.html',
  reflection: 'src/ui/reflection/index.html',
  handoff: 'src/ui/handoff/index.html',
};
const CONTENT = ['src/content/quiet.js', 'src/content/quiet-main.js', 'src/content/calm-overlay.js', 'src/content/aside.js', 'src/content/let-through.js'];

const zipDir = mkdtempSync(join(tmpdir(), 'hearth-zip-'));
const sizes = {};
try {
  for (const target of ['chrome', 'firefox']) {
    const dist = `dist/${target}`;
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
    const entries = { ...ENTRIES, worker: manifest.background.service_worker ?? manifest.background.scripts[0] };
    const content = Object.fromEntries(CONTENT.map((f) => [f.split('/').pop(), { bytes: statSync(join(dist, f)).size, gzipBytes: gz(join(dist, f)) }]));
    // Every work page in family time gets quiet.js and quiet-main.js; dimmed and set-aside
    // sites also calm-overlay.js, new loads of set-aside sites aside.js, and sites with
    // let-through words let-through.js.
    const workPage = content['quiet.js'].gzipBytes + content['quiet-main.js'].gzipBytes;
    const dimPage = workPage + content['calm-overlay.js'].gzipBytes;
    // The package as a store would take it, zipped by web-ext.
    run('npx', ['web-ext', 'build', '--source-dir', dist, '--artifacts-dir', zipDir, '--filename', `hearth-${target}.zip`, '--overwrite-dest'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    sizes[target] = {
      entries: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, entryWeight(dist, file)])),
      contentScripts: content,
      contentScriptsGzipTogether: { workPage, dimPage, setAsidePage: dimPage + content['aside.js'].gzipBytes, letThroughPage: workPage + content['let-through.js'].gzipBytes },
      locales: Object.fromEntries(
        ['en', 'es'].map((l) => [l, { bytes: statSync(join(dist, `_locales/${l}/messages.json`)).size, gzipBytes: gz(join(dist, `_locales/${l}/messages.json`)) }]),
      ),
      zipBytes: statSync(join(zipDir, `hearth-${target}.zip`)).size,
    };
  }
} finally {
  rmSync(zipDir, { recursive: true, force: true });
}
mkdirSync('bench/results', { recursive: true });
const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage1m: Number(loadavg()[0].toFixed(2)) };
writeFileSync(
  'bench/results/bundle-size.json',
  `${JSON.stringify({ benchmark: 'bundle-size', at: new Date().toISOString(), quick, machine, figures: sizes }, null, 2)}\n`,
);
console.log(`\nbundle-size\n${JSON.stringify(sizes, null, 2)}`);

// BENCH_SIZE_ONLY=1: builds and weighs, and keeps the other benchmarks' last figures.
if (process.env.BENCH_SIZE_ONLY !== '1') run('npx', ['vitest', 'run', '--project', 'bench']);

printTable({ minutes: (Date.now() - started) / 60_000 });
