// Moving settings in real Chromium, driven by role and accessible name: "Export settings"
// downloads the settings file, importing it back brings the settings back exactly as
// they were, and a file Hearth can't use is refused whole, with one sentence under
// the file field (tied to it, focus back on it) and the settings left as they are.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { CURRENT_VERSION, type Settings } from '../../src/core/settings/schema';
import type { SettingsView } from '../../src/messages';
import { launch, type Hearth } from './harness';
import { ask } from './helpers';

const OPTIONS = 'src/ui/options/index.html';

let hearth: Hearth;
let page: Page;

beforeAll(async () => {
  hearth = await launch();
  page = await hearth.open(OPTIONS);
});
afterAll(async () => {
  await hearth?.close();
});

const soon = { timeout: 5_000 };
const exact = { exact: true } as const;
const section = () => page.getByRole('region', { name: 'Move your settings', ...exact });
const fileField = () => section().getByLabel('Import settings from a file', exact);
const status = () => section().getByRole('status').textContent();
const alert = () => section().getByRole('alert');

const storedSettings = async (): Promise<Settings> => (await ask<SettingsView>(hearth, { type: 'settings' })).settings;

/** The settings file as exported, kept for the tests that follow. */
let exported: { name: string; text: string; settings: Settings };

/** How many times the page has heard `hearth:settings-changed`. */
const changesHeard = () => page.evaluate(() => (window as unknown as { heard?: number }).heard ?? 0);

describe('moving settings', () => {
  test('the section offers an export button and a labelled file field', async () => {
    await section().getByRole('heading', { level: 2, name: 'Move your settings', ...exact }).waitFor();
    await section().getByRole('button', { name: 'Export settings', ...exact }).waitFor();
    expect(await fileField().getAttribute('type')).toBe('file');
    expect(await status()).toBe('');
    await page.evaluate(() => {
      const w = window as unknown as { heard?: number };
      w.heard = 0;
      window.addEventListener('hearth:settings-changed', () => (w.heard = (w.heard ?? 0) + 1));
    });
  });

  test('"Export settings" downloads the settings file', async () => {
    const before = await storedSettings();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section().getByRole('button', { name: 'Export settings', ...exact }).click(),
    ]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^hearth-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const text = await readFile(path, 'utf8');
    const file = JSON.parse(text) as { format: string; version: number; exportedAt: string; settings: Settings };
    expect(file.format).toBe('hearth-settings');
    expect(file.version).toBe(CURRENT_VERSION);
    expect(Date.now() - Date.parse(file.exportedAt)).toBeLessThan(60_000);
    expect(file.settings).toEqual(before);
    expect(text).toContain('\n  "settings": {\n'); // pretty-printed
    await expect.poll(status, soon).toBe(`Settings exported as ${name}.`);
    exported = { name, text, settings: file.settings };
  });

  test('importing the exported file brings the settings back as they were', async () => {
    const added = await ask<{ ok: boolean }>(hearth, { type: 'addSite', pattern: 'app.slack.com', mode: 'quiet' });
    expect(added.ok).toBe(true);
    const changed = await storedSettings();
    expect(changed.sites.map((s) => s.pattern)).toEqual(['app.slack.com']);
    expect(changed).not.toEqual(exported.settings);

    await fileField().setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await expect.poll(status, soon).toBe('Settings imported.');
    expect(await storedSettings()).toEqual(exported.settings);
    expect(await alert().count()).toBe(0);
    expect(await fileField().getAttribute('aria-invalid')).toBeNull();
    expect(await changesHeard()).toBe(1);
  });

  test('a file that is not JSON is refused under the field, and nothing changes', async () => {
    await ask(hearth, { type: 'addSite', pattern: 'mail.google.com', mode: 'dim' });
    const before = await storedSettings();
    expect(before.sites.map((s) => s.pattern)).toEqual(['mail.google.com']);

    await fileField().setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "format": "hearth-settings",\n  dinner at six\n}\n'),
    });
    await alert().waitFor(soon);
    const sentence = await alert().textContent();
    expect(sentence).toMatch(/^Hearth couldn't read line 3 of this file, near "dinner at six"/);
    // Under the field, as wide as the section allows: it describes the field, which is
    // marked as needing a change and has focus again, to choose another file.
    const errorId = await alert().getAttribute('id');
    expect((await fileField().getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
    expect(await fileField().getAttribute('aria-invalid')).toBe('true');
    expect(await fileField().evaluate((el) => el === document.activeElement)).toBe(true);
    const [field, under] = await Promise.all([fileField().boundingBox(), alert().boundingBox()]);
    expect(under!.y).toBeGreaterThanOrEqual(field!.y + field!.height);
    expect(under!.x).toBeLessThanOrEqual(field!.x);
    expect(under!.width).toBeGreaterThan(field!.width);
    // The picker keeps its own height, rather than stretching beside a column of words.
    expect(field!.height).toBeLessThan(60);
    expect(await status()).toBe('');
    expect(await storedSettings()).toEqual(before);
    expect(await changesHeard()).toBe(1);
  });

  test('a settings file with one window Hearth can’t read is refused whole', async () => {
    const before = await storedSettings();
    const file = JSON.parse(exported.text) as { settings: Settings };
    file.settings.sites = [{ id: 'site-x', pattern: 'app.slack.com', mode: 'quiet' }];
    file.settings.schedule.windows[0]!.end = '25:00';
    await fileField().setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect
      .poll(() => alert().textContent(), soon)
      .toBe(`The window "${file.settings.schedule.windows[0]!.label}" has an end time "25:00" Hearth can't read.`);
    expect(await storedSettings()).toEqual(before);
  });

  test('a history export is named as one', async () => {
    const history = JSON.stringify({ format: 'hearth-history', version: 1, exportedAt: new Date().toISOString(), events: [], thoughts: [] });
    await fileField().setInputFiles({ name: 'hearth-history.json', mimeType: 'application/json', buffer: Buffer.from(history) });
    await expect.poll(() => alert().textContent(), soon).toMatch(/^This is a Hearth history file, not a settings file/);
  });

  test('a file over 1 MB is refused by the page, before it is read or sent', async () => {
    const before = await storedSettings();
    expect(before).not.toEqual(exported.settings);
    // The good exported file, with a long note Hearth ignores: 1.2 MB on disk but only
    // about 400,000 characters of text, which the worker alone would import. So only the
    // page's own size check, made before reading, can refuse it.
    const file = { ...(JSON.parse(exported.text) as object), note: '\u20AC'.repeat(400_000) };
    const buffer = Buffer.from(JSON.stringify(file), 'utf8');
    expect(buffer.length).toBeGreaterThan(1024 * 1024);
    const mb = Math.ceil((buffer.length / (1024 * 1024)) * 10) / 10;
    await fileField().setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer });
    await expect
      .poll(() => alert().textContent(), soon)
      .toBe(`This file is ${mb} MB, far bigger than a Hearth settings file (those stay under 1 MB), so it's probably not the one you meant.`);
    expect(await storedSettings()).toEqual(before);
  });

  test('after fixing things, importing the good file again works and clears the sentence', async () => {
    await fileField().setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await expect.poll(status, soon).toBe('Settings imported.');
    expect(await alert().count()).toBe(0);
    expect(await fileField().getAttribute('aria-describedby')).not.toContain('error');
    expect(await storedSettings()).toEqual(exported.settings);
    expect(await changesHeard()).toBe(2);
  });
});
