// `npm run bench`: build the test build, run the benchmarks, print figures and
// write them to bench/results (committed, so runs can be compared over time).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npm', ['run', 'build', '--silent']);
run('npm', ['run', 'build:test', '--silent']);

// Bundle sizes: what a parent downloads, and what runs in a work page.
const sizes = {};
const walk = (dir) =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
for (const target of ['chrome', 'firefox']) {
  const files = walk(`dist/${target}`).filter((f) => /\.(js|css|html)$/.test(f));
  sizes[target] = {
    totalBytes: files.reduce((n, f) => n + statSync(f).size, 0),
    contentScriptBytes: Object.fromEntries(
      files.filter((f) => f.includes('src/content/')).map((f) => [f.split('/').pop(), statSync(f).size]),
    ),
  };
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/bundle-size.json', `${JSON.stringify({ benchmark: 'bundle-size', at: new Date().toISOString(), figures: sizes }, null, 2)}\n`);
console.log('\nbundle-size\n' + JSON.stringify(sizes, null, 2));

run('npx', ['vitest', 'run', '--project', 'bench']);
