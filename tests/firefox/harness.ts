// Launches Debian's firefox-esr over WebDriver BiDi with the Firefox test build
// installed, and collects what Hearth logs. No browser is downloaded: puppeteer-core
// only drives the one the system has.
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

// The Firefox release build plus access to the fixture host (see vite.config.ts).
export const DIST = resolve(import.meta.dirname, '../../dist/firefox-test');
export const EXECUTABLE = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Pinned, so tests know the add-on's pages' addresses before it is installed. */
export const UUID = '5b0e7c1a-4f2d-4c1e-9a6b-0d3e2f1a7c55';
export const BASE = `moz-extension://${UUID}/`;
const MUTER = resolve(import.meta.dirname, '../fixtures/muter-extension');

/**
 * A new tab. While a notification Firefox drew itself is up (its own small window, with
 * no tabs), Firefox ESR 140.12 puts a new tab in that window, and fails: a new window then.
 */
export async function newPage(browser: Browser): Promise<Page> {
  try {
    return await browser.newPage();
  } catch (error) {
    if (!/selectedTab/.test(String(error))) throw error;
    return browser.newPage({ type: 'window' });
  }
}

export interface FirefoxHearth {
  browser: Browser;
  /** Opens one of Hearth's pages and waits until it has drawn something. */
  open(path: string, ready?: string): Promise<Page>;
  /** Sends a message of the map from an extension page, as the popup would. */
  ask<T>(message: unknown): Promise<T>;
  /**
   * Runs `fn` in one long-lived extension page, with the extension's API to hand. One page
   * for every read: opening and closing a page per poll churned Firefox's windows (every
   * notification it draws is one) and, with the other core busy, once wedged it for good.
   */
  inExtension<T, A>(fn: (api: typeof chrome, arg: A) => Promise<T>, arg: A): Promise<T>;
  /** Errors Hearth logged (Firefox prints extension console output to its stdout). */
  errors(): string[];
  close(): Promise<void>;
}

/** `extension`: an unpacked build (the test build unless given), whose add-on id is `addonId`. */
export async function launchFirefox(extension = DIST, addonId = 'hearth@hearth.family'): Promise<FirefoxHearth> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLE,
    headless: true,
    // Navigating a tab to moz-extension:// from the test needs system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      'alerts.useSystemBackend': false,
      'devtools.console.stdout.content': true,
      'media.autoplay.default': 0,
    },
  });
  const logged: string[] = [];
  const listen = (chunk: Buffer) => logged.push(...chunk.toString().split('\n'));
  browser.process()?.stdout?.on('data', listen);
  browser.process()?.stderr?.on('data', listen);
  await browser.installExtension(extension);
  // A second extension mutes a tab as the parent would (tests/fixtures/muter-extension).
  await browser.installExtension(MUTER);

  const open = async (path: string, ready = 'main, h1, button') => {
    const page = await newPage(browser);
    // BiDi reports no load events for extension pages: go, then wait for the page itself.
    await page.goto(BASE + path, { waitUntil: 'none' } as never).catch(() => undefined);
    await page.waitForSelector(ready, { timeout: 15_000 });
    return page;
  };
  // One page, opened once even when two calls come together; opened again only if it failed to.
  let asker: Promise<Page> | null = null;
  const inExtension = async <T, A>(fn: (api: typeof chrome, arg: A) => Promise<T>, arg: A): Promise<T> => {
    asker ??= open('src/ui/popup/index.html').catch((error: unknown) => {
      asker = null;
      throw error;
    });
    const page = await asker;
    const api = await page.evaluateHandle(() => (globalThis as unknown as { browser: typeof chrome }).browser);
    try {
      return (await page.evaluate(fn as never, api, arg as never)) as T;
    } finally {
      await api.dispose();
    }
  };
  return {
    browser,
    open,
    inExtension,
    ask: <T>(message: unknown) => inExtension<T, unknown>((api, m) => api.runtime.sendMessage(m), message),
    // Only Hearth's own lines: Firefox itself logs plenty that is not ours.
    errors: () => logged.filter((l) => /moz-extension:\/\/|Hearth/.test(l) && /error/i.test(l)),
    close: () => browser.close(),
  };
}
