// Finds a Chromium that honours --load-extension (branded Google Chrome 137+ ignores it).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** As root on Debian, install Debian's chromium; elsewhere return null and let the caller explain. */
export function installChromium() {
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) return null;
  console.log('Installing Debian\'s chromium (apt-get install -y chromium)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  return chromiumPath();
}

export const HOW_TO_INSTALL =
  'Hearth needs Chromium to run. On Debian or Ubuntu: sudo apt-get install -y chromium\n' +
  'Or point CHROMIUM_PATH at a Chromium binary. (Google Chrome 137+ ignores --load-extension: load dist/chrome by hand at chrome://extensions.)';
