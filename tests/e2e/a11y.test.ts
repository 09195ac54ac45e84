// Every page passes axe-core with no violations, in light and in dark; the
// same run takes the screenshots the README shows (written to docs/screenshots
// when UPDATE_SCREENSHOTS=1, so ordinary runs leave the tree as it is).
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CALM, POPUP, launch, type Hearth } from './harness';
import { ask } from './helpers';

// Extension pages allow only their own scripts, so axe is evaluated, not added as a <script>.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.UPDATE_SCREENSHOTS ? resolve(import.meta.dirname, '../../docs/screenshots') : resolve(import.meta.dirname, '../../.cache/screenshots');

const PAGES: { name: string; path: string; ready: (page: Page) => Promise<unknown>; width?: number }[] = [
  { name: 'popup', path: POPUP, ready: (p) => p.getByRole('heading', { name: 'Start a focus block' }).waitFor(), width: 360 },
  { name: 'options', path: 'src/ui/options/index.html', ready: (p) => p.getByRole('heading', { name: 'Work sites', exact: true }).waitFor() },
  { name: 'onboarding', path: 'src/ui/onboarding/index.html', ready: (p) => p.getByRole('heading').first().waitFor() },
  { name: 'reflection', path: 'src/ui/reflection/index.html', ready: (p) => p.getByRole('heading').first().waitFor() },
  { name: 'welcome-back', path: 'src/ui/handoff/index.html', ready: (p) => p.getByRole('heading', { name: 'Welcome back' }).waitFor() },
  { name: 'set-aside', path: `${CALM}?site=SITE#https://app.slack.com/client`, ready: (p) => p.getByRole('heading', { name: 'This can wait' }).waitFor() },
];

let hearth: Hearth;
let siteId = '';

beforeAll(async () => {
  hearth = await launch();
  mkdirSync(SHOTS, { recursive: true });
  // A listed site and family time on, so the popup, calm page and options show their fuller selves.
  await ask(hearth, { type: 'addSite', pattern: 'app.slack.com', mode: 'set-aside' });
  const view = await ask<{ sites: { site: { id: string } }[] }>(hearth, { type: 'sites' });
  siteId = view.sites[0]!.site.id;
  await ask(hearth, { type: 'startFocus', minutes: 45 });
});
afterAll(async () => {
  await hearth?.close();
});

async function violations(page: Page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // WCAG 2.2's target size too: a parent taps these, sometimes one-handed.
    const result = await axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe.each(['light', 'dark'] as const)('every page in %s', (scheme) => {
  test.each(PAGES)('$name has no axe violations', async ({ name, path, ready, width }) => {
    const page = await hearth.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: width ?? 1000, height: width ? 640 : 900 });
    await page.goto(`chrome-extension://${hearth.id}/${path.replace('SITE', siteId)}`);
    await ready(page);
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`), fullPage: !width });
    await page.close();
  });
});

// WCAG 1.4.10 (reflow): at 320 CSS pixels wide (a phone, or 400 % zoom) a page reads top to
// bottom, never sideways; the popup too, opened in a tab or zoomed in its panel.
test.each(PAGES)('$name reflows at 320 px wide: nothing scrolls sideways', async ({ path, ready }) => {
  const page = await hearth.context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`chrome-extension://${hearth.id}/${path.replace('SITE', siteId)}`);
  await ready(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.close();
});
