// Finds the browsers Hearth runs and is tested in: a Chromium that honours
// --load-extension (branded Google Chrome 137+ ignores it), and Debian's firefox-esr.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** As root on Debian, install a Debian package; false elsewhere, and the caller explains. */
function aptInstall(pkg) {
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) return false;
  console.log(`Installing Debian's ${pkg} (apt-get install -y ${pkg})…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`, { stdio: 'inherit' });
  return true;
}

export function installChromium() {
  return aptInstall('chromium') ? chromiumPath() : null;
}

export function firefoxPath() {
  if (process.env.FIREFOX_PATH && existsSync(process.env.FIREFOX_PATH)) return process.env.FIREFOX_PATH;
  return existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : null;
}

export function installFirefox() {
  return aptInstall('firefox-esr') ? firefoxPath() : null;
}

export const HOW_TO_INSTALL =
  'Hearth needs Chromium to run. On Debian or Ubuntu: sudo apt-get install -y chromium\n' +
  'Or point CHROMIUM_PATH at a Chromium binary. (Google Chrome 137+ ignores --load-extension: load dist/chrome by hand at chrome://extensions.)';
