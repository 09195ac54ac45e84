// The browsers the benchmarks compare, each its own profile and process tree: no
// extension (twice, to show the noise floor), the two empty controls, and Hearth
// with the work site listed, outside family time and during it (mode quiet).
import { resolve } from 'node:path';
import { DIST } from '../tests/e2e/harness';
import { launchBare, type Bare } from './browser';

export type ConfigName = 'none-a' | 'none-b' | 'empty-worker' | 'empty-content' | 'hearth-off' | 'hearth-on';

export interface Config {
  name: ConfigName;
  /** What the row says. */
  label: string;
  extensions: string[];
  /** The end of the measured extension's worker script URL, when it has one. */
  worker?: string;
  hearth?: 'off' | 'on';
}

const CONTROLS = resolve(import.meta.dirname, 'controls');

export const CONFIGS: Config[] = [
  { name: 'none-a', label: 'no extension', extensions: [] },
  { name: 'none-b', label: 'no extension, again (noise floor)', extensions: [] },
  { name: 'empty-worker', label: 'control: empty service worker', extensions: [resolve(CONTROLS, 'empty-worker')], worker: '/worker.js' },
  { name: 'empty-content', label: 'control: empty content script on every page', extensions: [resolve(CONTROLS, 'empty-content')] },
  { name: 'hearth-off', label: 'Hearth, outside family time (work site listed)', extensions: [DIST], worker: '/service-worker-loader.js', hearth: 'off' },
  { name: 'hearth-on', label: 'Hearth, during family time (mode quiet)', extensions: [DIST], worker: '/service-worker-loader.js', hearth: 'on' },
];

export const configNamed = (name: ConfigName): Config => CONFIGS.find((c) => c.name === name)!;

export interface Launched extends Bare {
  config: Config;
  /** chrome-extension://<id>/ of Hearth or of the empty worker; null without a worker. */
  workerPrefix: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `expression` in a quiet extension page of Hearth (its icon: a page that sends
 * no message of its own), opened for it as a background tab and closed after: one
 * tab, no new window (every window a browser opens costs it memory for a while).
 */
export async function inHearth<T>(b: Launched, expression: string): Promise<T> {
  const page = await b.openTab(`${b.workerPrefix}icons/icon-16.png`, { inFirstWindow: true });
  try {
    return await page.evaluate<T>(expression);
  } finally {
    await page.close();
  }
}

/** Family time as one one-off block from `start` to `end` (epoch ms), written as the settings page would. */
export function setBenchBlock(b: Launched, id: string, start: number, end: number): Promise<unknown> {
  return inHearth(
    b,
    `(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      settings.schedule.blocks = [{ id: '${id}', label: 'Bench', start: ${start}, end: ${end} }];
      await chrome.storage.local.set({ settings });
    })()`,
  );
}

/** In an extension page of Hearth: family time on or off, then waits until the badge and the registered scripts say so. */
const familyTime = (on: boolean) => `{
  const { settings } = await chrome.storage.local.get('settings');
  settings.schedule.blocks = ${on} ? [{ id: 'bench', label: 'Bench', start: Date.now() - 1000, end: Date.now() + 6 * 3600e3 }] : [];
  await chrome.storage.local.set({ settings });
  const want = ${on} ? 'on:2' : ':0';
  let state = '';
  for (let i = 0; i < 100 && state !== want; i++) {
    await new Promise((r) => setTimeout(r, 100));
    state = (await chrome.action.getBadgeText({})) + ':' + (await chrome.scripting.getRegisteredContentScripts()).length;
  }
  if (state !== want) throw new Error('Hearth shows "' + state + '", want "' + want + '"');
}`;

/** Family time on (a block from a second ago for six hours) or off (no block), in force when this returns. */
export async function setFamilyTime(b: Launched, on: boolean): Promise<void> {
  await inHearth(b, `(async () => { ${familyTime(on)} })()`);
}

/**
 * Launches one configuration and brings it to its state: Hearth with the fixture
 * host listed (mode quiet) and the recurring windows cleared (the same steps as
 * tests/e2e/helpers.ts quietFixtureOnly), and for `on` family time from now for six
 * hours. The welcome tab Hearth opens on install is closed. Returns with no page
 * open but the first about:blank tab. `alsoLoad`: more extensions beside (a
 * measuring one), not the one measured.
 */
export async function launchConfig(config: Config, opts: { userDataDir?: string; alsoLoad?: string[] } = {}): Promise<Launched> {
  const extensions = [...config.extensions, ...(opts.alsoLoad ?? [])];
  const bare = await launchBare({ name: config.name, extensions, userDataDir: opts.userDataDir });
  let workerPrefix: string | null = null;
  if (config.worker) {
    const url = await bare.untilStarted((u) => u.startsWith('chrome-extension://') && u.endsWith(config.worker!), 15_000);
    workerPrefix = url.slice(0, url.indexOf('/', 'chrome-extension://'.length) + 1);
  } else if (config.extensions.length) {
    await sleep(1000); // the content-script control has nothing to wait for but its install
  }
  const launched: Launched = Object.assign(bare, { config, workerPrefix });
  if (!config.hearth && workerPrefix) {
    // Hearth's set-up below opens and closes two of its pages (its welcome page, and the
    // page the settings are written from), and a closed tab stays in the browser process's
    // memory (about 1 MiB for two, measured): the control opens and closes two of its own.
    // Its own page, not its manifest: the JSON viewer's monospace face costs the browser a
    // copy of the font file on Linux, which Hearth's pages no longer pay (bench/README.md).
    for (let i = 0; i < 2; i++) await (await bare.openTab(`${workerPrefix}page.html`, { inFirstWindow: true })).close();
  }
  if (config.hearth && workerPrefix) {
    const added = await inHearth<{ ok: boolean }>(
      launched,
      `(async () => {
        const added = await chrome.runtime.sendMessage({ type: 'addSite', pattern: '127.0.0.1', mode: 'quiet' });
        const { settings } = await chrome.storage.local.get('settings');
        settings.schedule.windows = [];
        await chrome.storage.local.set({ settings });
        ${familyTime(config.hearth === 'on')}
        return added;
      })()`,
    );
    if (!added?.ok) throw new Error(`${config.name}: Hearth did not list the work site`);
    // The welcome tab opens on install, a moment after the worker starts.
    for (let i = 0; i < 30; i++) {
      const { targetInfos } = await bare.send<{ targetInfos: { type: string; url: string }[] }>('Target.getTargets');
      if (targetInfos.some((t) => t.type === 'page' && t.url.includes('/src/ui/onboarding/'))) break;
      await sleep(100);
    }
    await bare.closePages((u) => u.startsWith(workerPrefix!));
  }
  return launched;
}
