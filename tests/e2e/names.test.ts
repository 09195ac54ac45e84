// A site added by its address, as a parent would add their company's own chat: named
// from its tab's title as it is added, renamed by keyboard in the list, and called by
// that name wherever Hearth speaks of it (the dim overlay, the calm page, reflection).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { CALM, launch, type Hearth } from './harness';
import { ask, exposed, openChat } from './helpers';

let site: FixtureServer;
let hearth: Hearth;
let options: Page;

beforeAll(async () => {
  site = await serveFixtures();
  hearth = await launch();
  // No work sites and no windows: the parent starts from an empty list, with family time off.
  // (Any change writes the settings; until then they are the defaults, unwritten.)
  await ask(hearth, { type: 'addSite', pattern: 'example.com', mode: 'quiet' });
  const worker = await hearth.worker();
  await worker.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    const s = settings as { sites: unknown[]; schedule: { windows: unknown[] } };
    s.sites = [];
    s.schedule.windows = [];
    await chrome.storage.local.set({ settings: s });
  });
});

afterAll(async () => {
  await hearth?.close();
  await site?.close();
});

const exact = { exact: true } as const;
const status = () => options.getByRole('region', { name: 'Work sites', ...exact }).getByRole('status').textContent();
const listed = () => options.getByRole('list', { name: 'Your work sites', ...exact }).getByRole('listitem');

describe('a site added by its address', () => {
  test('is named from its open tab, and the parent can rename it by keyboard', async () => {
    const chat = await openChat(hearth, site, '/chat/names');
    await expect.poll(() => chat.title()).toMatch(/^\(\d+\) Work Chat$/);

    options = await hearth.open('src/ui/options/index.html');
    await options.getByRole('textbox', { name: 'Address of a work site', ...exact }).fill('127.0.0.1');
    await options.getByRole('combobox', { name: 'How to quiet it', ...exact }).selectOption({ label: 'Dim' });
    await options.getByRole('button', { name: 'Add site', ...exact }).click();
    await expect.poll(status).toBe('Work Chat added.');
    expect(await listed().textContent()).toContain('Work Chat');

    await options.getByRole('button', { name: 'Rename Work Chat', ...exact }).click();
    const field = options.getByRole('textbox', { name: 'Name for 127.0.0.1', ...exact });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('Team chat');
    await field.press('Enter');
    await expect.poll(status).toBe('This site is now called Team chat.');
    const renamed = options.getByRole('button', { name: 'Rename Team chat', ...exact });
    await expect.poll(() => renamed.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await options.getByRole('button', { name: 'Remove Team chat', ...exact }).count()).toBe(1);

    // Escape closes the form without a change.
    await renamed.press('Enter');
    await options.getByRole('textbox', { name: 'Name for 127.0.0.1', ...exact }).press('Escape');
    await expect.poll(() => options.getByRole('button', { name: 'Rename Team chat', ...exact }).evaluate((el) => el === document.activeElement)).toBe(true);
  });

  test('family time calls it by that name: the overlay, the calm page and reflection', async () => {
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    const chat = hearth.context.pages().find((p) => p.url().includes('/chat/names'))!;
    await expect
      .poll(async () => (await exposed(hearth, chat)).some((line) => /^StaticText: Team chat can wait until/.test(line)), { timeout: 5000 })
      .toBe(true);

    const { sites } = await ask<{ sites: { site: { id: string } }[] }>(hearth, { type: 'sites' });
    const id = sites[0]!.site.id;
    const calm = await hearth.open(`${CALM}?site=${id}#${site.origin}/chat/names`);
    await calm.getByText(/^Team chat can wait until/).first().waitFor();

    await ask(hearth, { type: 'wayThrough', siteId: id });
    const reflection = await hearth.open('src/ui/reflection/index.html');
    await reflection.getByText(/went through to Team chat/).first().waitFor();
  });

  test('an address in its own script is named as it was typed, and matched as the browser reads it', async () => {
    await options.getByRole('textbox', { name: 'Address of a work site', ...exact }).fill('https://Bücher.de/konto');
    await options.getByRole('button', { name: 'Add site', ...exact }).click();
    await expect.poll(status).toBe('bücher.de added.');
    const item = listed().filter({ hasText: 'bücher.de' });
    expect(await item.textContent()).toContain('xn--bcher-kva.de');
    expect(await options.getByRole('button', { name: 'Rename bücher.de', ...exact }).count()).toBe(1);
    const { sites } = await ask<{ sites: { site: { pattern: string; name?: string } }[] }>(hearth, { type: 'sites' });
    expect(sites.map((s) => s.site)).toContainEqual(expect.objectContaining({ pattern: 'xn--bcher-kva.de', name: 'bücher.de' }));
  });
});
