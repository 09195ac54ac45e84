// `npm test`: every check, in the order that fails fastest.
// typecheck -> unit + property -> build both browsers -> Firefox lint -> store packages -> browser tests
// in Chromium -> browser tests in Firefox.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chromiumPath, firefoxPath, installChromium, installFirefox } from './browsers.mjs';

const results = '.cache/test-results';
rmSync(results, { recursive: true, force: true });

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✗ ${label} did not pass.`);
    summary();
    process.exit(r.status ?? 1);
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };
function tally(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += report.numPassedTests ?? 0;
  counts.failed += report.numFailedTests ?? 0;
  counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
function summary() {
  tally(`${results}/unit.json`);
  tally(`${results}/e2e.json`);
  tally(`${results}/firefox.json`);
  console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

const vitest = (project) => [
  'vitest', 'run', '--project', project,
  '--reporter=default', '--reporter=json', `--outputFile.json=${results}/${project}.json`,
];

// A fresh clone: install the pinned dependencies first.
if (!existsSync('node_modules/.package-lock.json')) run('Install dependencies (npm ci)', 'npm', ['ci', '--no-audit', '--no-fund']);
run('Type check', 'npx', ['tsc', '--noEmit', '-p', '.']);
run('Unit and property tests', 'npx', vitest('unit'));
run('Build (Chromium, Firefox, and the Chromium test build)', 'npm', ['run', 'build', '--silent']);
run('Build for browser tests', 'npm', ['run', 'build:test', '--silent']);
run('Firefox build: web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted']);
run('Store packages (npm run package, from the builds above)', 'node', ['scripts/package.mjs', '--no-build']);
const chromium = chromiumPath() ?? installChromium();
if (!chromium) {
  console.error('\n✗ Browser tests need Chromium. On Debian: sudo apt-get install -y chromium');
  summary();
  process.exit(1);
}
run('Browser tests (built extension in Chromium)', 'npx', vitest('e2e'), { CHROMIUM_PATH: chromium });
const firefox = firefoxPath() ?? installFirefox();
if (!firefox) {
  console.error('\n✗ Browser tests need Firefox. On Debian: sudo apt-get install -y firefox-esr');
  summary();
  process.exit(1);
}
run('Browser tests (built extension in Firefox)', 'npx', vitest('firefox'), { FIREFOX_PATH: firefox });
summary();
