// Launches Debian's Chromium with the built extension and gives tests typed handles.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

// The test build: the release build plus access to the fixture host (see vite.config.ts).
export const DIST = resolve(import.meta.dirname, '../../dist/chrome-test');
export const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const POPUP = 'src/ui/popup/index.html';
export const CALM = 'src/ui/calm/index.html';

/** Chromium's switches for every run, tests and benchmarks alike (extensions are added per run). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Fixture sites play sound without a click, as a work tab left open does.
  '--autoplay-policy=no-user-gesture-required',
];

export interface Hearth {
  context: BrowserContext;
  id: string;
  userDataDir: string;
  /** The worker, woken first (by opening an extension page) when it was stopped. */
  worker(): Promise<Worker>;
  open(path: string): Promise<Page>;
  /** Stops every service worker, as Chromium does when it idles one out. */
  stopWorker(): Promise<void>;
  isRunning(): boolean;
  /** Resolves when the worker starts by itself (an alarm, a browser event). */
  nextStart(timeoutMs: number): Promise<void>;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/** A second extension for tests that need a mute Hearth did not make (tests/fixtures/muter-extension). */
export const MUTER = resolve(import.meta.dirname, '../fixtures/muter-extension');
/** A second extension that notes, from start-up, when fixture tabs change (tests/fixtures/watcher-extension). */
export const WATCHER = resolve(import.meta.dirname, '../fixtures/watcher-extension');

export async function launch(
  userDataDir?: string,
  opts: { withMuter?: boolean; withWatcher?: boolean; args?: string[]; extension?: string; env?: Record<string, string> } = {},
): Promise<Hearth> {
  const dir = userDataDir ?? (await mkdtemp(join(tmpdir(), 'hearth-e2e-')));
  const extensions = [opts.extension ?? DIST, ...(opts.withMuter ? [MUTER] : []), ...(opts.withWatcher ? [WATCHER] : [])].join(',');
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: EXECUTABLE,
    headless: true,
    // A test's own environment (TZ: a browser whose local time is an hour the test needs).
    ...(opts.env ? { env: { ...process.env, ...opts.env } as Record<string, string> } : {}),
    // Playwright disables extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensions}`,
      `--load-extension=${extensions}`,
      ...CHROMIUM_FLAGS,
      // A test's own switches (the network test's NetLog).
      ...(opts.args ?? []),
    ],
  });
  // Playwright waits forever by default; a stuck step should fail, and say where.
  context.setDefaultTimeout(10_000);
  // Playwright keeps one Worker handle across stops and restarts of the same
  // worker; it does not say when Chromium stopped it. DevTools' ServiceWorker
  // domain does, so a quiet extension page (one that sends no message) watches.
  const isHearth = (w: Worker) => w.url().endsWith('/service-worker-loader.js');
  const worker =
    context.serviceWorkers().find(isHearth) ?? (await context.waitForEvent('serviceworker', { predicate: isHearth }));
  const id = new URL(worker.url()).host;
  const base = `chrome-extension://${id}/`;

  const open = async (path: string) => {
    const page = await context.newPage();
    await page.goto(base + path);
    return page;
  };

  const monitor = await open('icons/icon-16.png');
  const cdp = await context.newCDPSession(monitor);
  let running = true;
  const listeners = new Set<() => void>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.filter((v) => v.scriptURL.startsWith(base));
    if (ours.length === 0) return;
    const now = ours.some((v) => v.runningStatus === 'running');
    const started = now && !running;
    running = now;
    if (started) listeners.forEach((l) => l());
  });
  await cdp.send('ServiceWorker.enable');

  const untilStarted = (timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        listeners.delete(done);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(done);
        reject(new Error(`the worker did not start within ${timeoutMs} ms`));
      }, timeoutMs);
      listeners.add(done);
    });

  return {
    context,
    id,
    userDataDir: dir,
    async worker() {
      if (!running) {
        const started = untilStarted(10_000);
        const page = await open(POPUP);
        await started;
        await page.close();
      }
      return worker;
    },
    open,
    async stopWorker() {
      // On a loaded machine the stop can take seconds, or a message the page sent meanwhile
      // starts the worker again at once: ask again each second until it is seen stopped.
      for (let i = 0; i < 200 && (i === 0 || running); i++) {
        if (i % 20 === 0) await cdp.send('ServiceWorker.stopAllWorkers');
        await new Promise((r) => setTimeout(r, 50));
      }
      if (running) throw new Error('the worker did not stop');
    },
    isRunning: () => running,
    nextStart: untilStarted,
    async close(opts) {
      await context.close();
      if (!opts?.keepProfile) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Reads the toolbar badge through the worker. */
export async function badgeText(hearth: Hearth): Promise<string> {
  const worker = await hearth.worker();
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** Polls `read` until it returns `want` or the time runs out; returns the last value. */
export async function eventually<T>(read: () => Promise<T>, want: T, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (value !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}
