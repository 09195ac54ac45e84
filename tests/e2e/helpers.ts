// Small steps the browser tests share: asking the worker as a page would,
// setting the schedule, and opening the fixture chat.
import { axeSource, runAxe } from '../fixtures/axe';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { FixtureServer } from '../fixtures/server';
import { POPUP, type Hearth } from './harness';

/** Sends a message of the map from an extension page, as the popup would. */
export async function ask<T>(hearth: Hearth, message: unknown): Promise<T> {
  const page = await hearth.open(POPUP);
  try {
    // An answer that never comes fails here, by name, not as the whole test's timeout.
    const type = (message as { type?: string }).type;
    const answer = page.evaluate((m) => chrome.runtime.sendMessage(m), message);
    return (await Promise.race([
      answer,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`the worker did not answer "${type}" within 15 s`)), 15_000)),
    ])) as T;
  } finally {
    await page.close();
  }
}

/** Lists the fixture host as a work site and clears the recurring windows, so the test decides when family time is on. */
export async function quietFixtureOnly(hearth: Hearth, mode: 'quiet' | 'dim' | 'set-aside'): Promise<void> {
  const answer = await ask<{ ok: boolean }>(hearth, { type: 'addSite', pattern: '127.0.0.1', mode });
  expect(answer.ok).toBe(true);
  const worker = await hearth.worker();
  await worker.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    const s = settings as { schedule: { windows: unknown[] } };
    s.schedule.windows = [];
    await chrome.storage.local.set({ settings: s });
  });
}

/** Sets the schedule through the real storage path: no recurring windows, only `blocks`. */
export async function setBlocks(hearth: Hearth, blocks: { id: string; label: string; start: number; end: number }[]): Promise<void> {
  const worker = await hearth.worker();
  await worker.evaluate(async (b) => {
    const { settings } = await chrome.storage.local.get('settings');
    const s = (settings as { schedule?: Record<string, unknown> } | undefined) ?? {};
    const schedule: Record<string, unknown> = { windows: [], blocks: [], skips: [], ...s.schedule };
    schedule.blocks = b;
    schedule.windows = [];
    await chrome.storage.local.set({ settings: { version: 2, ...s, schedule } });
  }, blocks);
}

/** Opens a fixture chat page and waits until its script runs. */
export async function openChat(hearth: Hearth, site: FixtureServer, path: string): Promise<Page> {
  const page = await hearth.context.newPage();
  await page.goto(`${site.origin}${path}`);
  const here = (p: Page) => new URL(p.url()).pathname + new URL(p.url()).search;
  await expect.poll(() => site.reports.some((r) => r.kind === 'ready' && r.page === here(page))).toBe(true);
  return page;
}

/** Mute state of the tab showing `url`, read through the worker. */
export async function muteOf(hearth: Hearth, url: string): Promise<boolean | null> {
  const worker = await hearth.worker();
  return worker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u.replace(/#.*$/, '') });
    return tab?.mutedInfo?.muted ?? null;
  }, url);
}

/** The icon the browser shows in the page's tab, as Chromium reports it to extensions. */
export async function tabIconOf(hearth: Hearth, url: string): Promise<string | null> {
  const worker = await hearth.worker();
  return worker.evaluate(async (u) => {
    const [tab] = await chrome.tabs.query({ url: u.replace(/#.*$/, '') });
    return tab?.favIconUrl ?? null;
  }, url);
}

/** Where the page's own icon link points now. */
export const iconLinkOf = (page: Page) => page.evaluate(() => document.querySelector('link[rel~="icon"]')?.getAttribute('href') ?? null);

/**
 * Every record of one store of Hearth's database, read in an extension page `page`.
 * None before the worker has made it: opening it from here first would create an
 * empty one and spoil the worker's own upgrade.
 */
export function storedRecords<T>(page: Page, store: 'events' | 'thoughts'): Promise<T[]> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'hearth')) return [];
    return new Promise<never[]>((resolve, reject) => {
      const req = indexedDB.open('hearth');
      req.onerror = req.onblocked = () => reject(req.error ?? new Error('the database is busy'));
      req.onsuccess = () => {
        const db = req.result;
        try {
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as never[]);
          };
          all.onerror = () => {
            db.close();
            reject(all.error);
          };
        } catch (error) {
          db.close();
          reject(error);
        }
      };
    });
  }, store);
}

/**
 * Closes work pages at a test's end. Hearth reloads untouched work tabs as family time
 * ends, and a close that lands mid-reload has been seen to wait on Chromium for good;
 * the page goes with the browser at the end of the file if so.
 */
export async function closePages(...pages: Page[]): Promise<void> {
  await Promise.all(pages.map((page) => Promise.race([page.close(), sleep(5000)])));
}

/** axe-core in the page (WCAG 2 A and AA): the rules it finds broken. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(await axeSource());
  return page.evaluate(runAxe);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What a screen reader is given of a page, as "role: name" lines (Chromium's
 * accessibility tree). The calm overlay lives in a closed shadow root that no page
 * script, and no test selector, can reach: this is how tests read it, as a parent would.
 */
export async function exposed(hearth: Hearth, page: Page): Promise<string[]> {
  const cdp = await hearth.context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
    };
    return nodes.filter((n) => !n.ignored).map((n) => `${n.role?.value}: ${n.name?.value ?? ''}`);
  } finally {
    await cdp.detach();
  }
}

/** Whether the calm overlay is over the page, read as a screen reader would. */
export const overlayShown = async (hearth: Hearth, page: Page): Promise<boolean> =>
  (await exposed(hearth, page)).includes('dialog: Hearth: this can wait');

/** A fixed-offset zone ("Etc/GMT-5" is UTC+5) in which the hour is `hour` (0–23) now: a browser launched in it needs no waiting for a time of day. */
export function zoneWhereItIs(hour: number): string {
  let offset = (hour - new Date().getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** "HH:MM" in `zone` at `instant`. */
export const wallTimeIn = (zone: string, instant: number): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);

/**
 * Headless Chromium keeps every tab "visible", whichever is in front; in a browser on a
 * screen, switching tabs hides the page and fires its visibilitychange. This does just
 * that (or shows it again), in Hearth's own isolated world of the page, where its scripts
 * read it.
 */
export async function inSight(hearth: Hearth, page: Page, visible: boolean): Promise<void> {
  const cdp = await hearth.context.newCDPSession(page);
  try {
    const contexts: { id: number; name: string; origin: string; auxData?: { isDefault?: boolean; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await cdp.send('Runtime.enable');
    const ours = contexts.find((c) => !c.auxData?.isDefault && c.origin.includes(hearth.id)) ?? contexts.find((c) => !c.auxData?.isDefault && c.name !== '');
    if (!ours) throw new Error(`no isolated world of Hearth's in the page: ${JSON.stringify(contexts)}`);
    const state = visible ? 'visible' : 'hidden';
    await cdp.send('Runtime.evaluate', {
      contextId: ours.id,
      expression: `Object.defineProperty(document, 'visibilityState', { get: () => '${state}', configurable: true }); document.dispatchEvent(new Event('visibilitychange'));`,
    });
  } finally {
    await cdp.detach();
  }
}
