// `npm run package`: the two store packages and the source archive AMO asks for when
// code is bundled, in packages/. The version is package.json's (the build writes it into
// both manifests). `--no-build` packages what `npm run build` already wrote.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const out = 'packages';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
const zip = (dir, filename) =>
  run('npx', ['web-ext', 'build', '--source-dir', dir, '--artifacts-dir', out, '--filename', filename, '--overwrite-dest']);

if (!process.argv.includes('--no-build')) run('npm', ['run', 'build', '--silent']);
rmSync(out, { recursive: true, force: true });
mkdirSync(out);

// The Chrome Web Store refuses a manifest with `key`; it only pins the id of local builds.
const chrome = mkdtempSync(join(tmpdir(), 'hearth-chrome-'));
cpSync('dist/chrome', chrome, { recursive: true });
const manifest = JSON.parse(readFileSync(join(chrome, 'manifest.json'), 'utf8'));
delete manifest.key;
writeFileSync(join(chrome, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
zip(chrome, `hearth-chrome-${version}.zip`);
rmSync(chrome, { recursive: true, force: true });

zip('dist/firefox', `hearth-firefox-${version}.zip`);

// The source as committed: what a reviewer rebuilds the Firefox package from (docs/releasing.md).
run('git', ['archive', '--format=zip', `--prefix=hearth-${version}/`, '-o', join(out, `hearth-source-${version}.zip`), 'HEAD']);
console.log(`\nPackages for ${version} in ${out}/: hearth-chrome-${version}.zip, hearth-firefox-${version}.zip, hearth-source-${version}.zip`);
