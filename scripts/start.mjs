// `npm start`: build Hearth and open a real Chromium window with it loaded on its default settings.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { HOW_TO_INSTALL, chromiumPath, installChromium } from './browsers.mjs';

const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync('node_modules/.package-lock.json')) step('npm', ['ci']);
step('npm', ['run', 'build', '--silent']);

const chromium = chromiumPath() ?? installChromium();
if (!chromium) {
  console.error(HOW_TO_INSTALL);
  process.exit(1);
}

const dist = resolve('dist/chrome');
// A profile of its own, kept between runs, so the parent's everyday browser is untouched.
const profile = resolve('.cache/chromium-profile');
mkdirSync(profile, { recursive: true });
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${dist}`,
  `--load-extension=${dist}`,
  '--no-first-run',
  '--no-default-browser-check',
  'chrome://extensions/',
];
if (process.getuid?.() === 0) args.unshift('--no-sandbox');
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  // No desktop (a server, a container): Hearth still runs, in a headless Chromium
  // that DevTools or a test can attach to.
  const port = process.env.HEARTH_DEBUG_PORT ?? '9222';
  args.unshift('--headless=new', `--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1');
  console.log(`No display found (DISPLAY is unset), so Chromium runs headless with Hearth loaded from ${dist}.`);
  console.log(`Attach at http://127.0.0.1:${port} (e.g. chrome://inspect), or run \`npm start\` from a desktop session to see the window.`);
} else {
  console.log(`Opening ${chromium} with Hearth from ${dist}. Pin Hearth from the puzzle-piece menu to see its button.`);
}
spawn(chromium, args, { stdio: 'ignore', detached: true }).unref();
