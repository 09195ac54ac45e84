// Small steps the browser tests share: asking the worker as a page would,
// setting the schedule, and opening the fixture chat.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { FixtureServer } from '../fixtures/server';
import { POPUP, type Hearth } from './harness';

/** Sends a message of the map from an extension page, as the popup would. */
export async function ask<T>(hearth: Hearth, message: unknown): Promise<T> {
  const page = await hearth.open(POPUP);
  const answer = await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  await page.close();
  return answer as T;
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

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
