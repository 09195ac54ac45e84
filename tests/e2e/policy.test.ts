// An organisation's policy, as Chromium gives it: a file in its managed policy folder
// (/etc/chromium/policies/managed, so the tests run as root, as CI does) for a copy of
// Hearth under an id of its own, so no other test's browser is given it. Hearth lists the
// organisation's sites and hours marked as such and puts the hours in force, keeps the
// parent's own sites and choices beside them, notes a value it can't use, and takes a
// change of policy while the browser runs. And the admin route that grants nothing:
// ExtensionSettings' runtime_allowed_hosts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeSource, runAxe } from '../fixtures/axe';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { DIST, badgeText, launch, type Hearth } from './harness';
import { ask, openChat } from './helpers';

const POLICY_DIR = '/etc/chromium/policies/managed';
const exact = { exact: true } as const;
let site: FixtureServer;
let hearth: Hearth;
let copy: string;
let policyFile: string | undefined;
let options: Page;

/** A copy of the test build with a key (and so an extension id) of its own. */
async function hearthOfItsOwn(): Promise<{ dir: string; id: string }> {
  const der = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
  // Chromium's id: the key's SHA-256, its first 32 hex digits written with a–p.
  const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  const dir = await mkdtemp(join(tmpdir(), 'hearth-policy-'));
  await cp(DIST, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { dir, id };
}

const hhmm = (at: number) => new Date(at).toTimeString().slice(0, 5);
/** Quiet hours that are on now, every day, for a while. */
const EVENINGS = { id: 'evenings', label: 'Evenings', days: [0, 1, 2, 3, 4, 5, 6], start: hhmm(Date.now() - 3600e3), end: hhmm(Date.now() + 3 * 3600e3) };

async function writePolicy(id: string, sites: unknown[]): Promise<void> {
  const policy = {
    '3rdparty': { extensions: { [id]: { sites, windows: [EVENINGS], headsUp: false } } },
    // An administrator's try at host access for the organisation's sites.
    ExtensionSettings: { [id]: { runtime_allowed_hosts: ['*://*.example.org'] } },
  };
  await writeFile(policyFile!, JSON.stringify(policy));
}

const sitesNow = async () =>
  (await ask<{ sites: { name: string; site: { id: string; mode: string } }[] }>(hearth, { type: 'sites' })).sites.map((s) => [s.name, s.site.mode]);

beforeAll(async () => {
  site = await serveFixtures();
  const own = await hearthOfItsOwn();
  copy = own.dir;
  await mkdir(POLICY_DIR, { recursive: true });
  policyFile = join(POLICY_DIR, `hearth-test-${own.id}.json`);
  // Two sites (the fixture chat, and Slack dimmed), one window, and a site Hearth can't use.
  await writePolicy(own.id, [{ pattern: '127.0.0.1' }, { pattern: 'app.slack.com', mode: 'dim' }, { pattern: '*.com' }]);
  hearth = await launch(undefined, { extension: copy });
  expect(hearth.id).toBe(own.id);
});

afterAll(async () => {
  if (policyFile) await rm(policyFile, { force: true });
  await hearth?.close();
  if (copy) await rm(copy, { recursive: true, force: true });
  await site?.close();
});

describe("an organisation's policy in Chromium", () => {
  test('its hours are in force on its sites', async () => {
    const status = async () => (await ask<{ active: { label: string }[] }>(hearth, { type: 'status' })).active.map((o) => o.label);
    // Chromium loads extensions' policies once it is idle after starting: watched from a
    // quiet extension page, as a browser left alone would be (docs/deploying.md).
    const quiet = await hearth.open('icons/icon-16.png');
    const copy = () => quiet.evaluate(() => chrome.storage.local.get('policy').then((s) => s.policy !== undefined));
    await expect.poll(copy, { timeout: 60_000, interval: 1000 }).toBe(true);
    await quiet.close();
    await expect.poll(status, { timeout: 10_000 }).toContain('Evenings');
    await expect.poll(() => badgeText(hearth)).toBe('on');
    const chat = await openChat(hearth, site, '/chat/policy?style=paren');
    await expect.poll(() => chat.title(), { timeout: 10_000 }).toBe('Work Chat');
    await chat.close();
  });

  test('its sites and hours are marked, stay, and say so kindly; a value it cannot use is noted', async () => {
    options = await hearth.open('src/ui/options/index.html');
    const slack = options.getByRole('listitem', { name: 'Slack', ...exact });
    await slack.getByText('From your organisation.').waitFor();
    await slack.getByText('Your organisation listed this site, so it stays on your list. How it is quieted is up to you.').waitFor();
    expect(await slack.getByRole('button', { name: 'Remove Slack', ...exact }).count()).toBe(0);
    expect(await options.getByRole('combobox', { name: 'How to quiet Slack', ...exact }).inputValue()).toBe('dim');
    const evenings = options.getByRole('listitem', { name: 'Evenings', ...exact });
    await evenings.getByText('From your organisation.').waitFor();
    for (const button of ['Edit Evenings', 'Pause Evenings', 'Delete Evenings']) {
      expect(await evenings.getByRole('button', { name: button, ...exact }).count()).toBe(0);
    }
    // Host access for the organisation's sites in one click: here one, Slack (the test build has the chat's).
    await options.getByRole('button', { name: "Allow Hearth on your organisation's work site", ...exact }).waitFor();
    const notes = options.getByRole('region', { name: 'A few settings were set aside', ...exact });
    await notes.getByText(/^Your organisation's work site number 3 was set aside: /).waitFor();
    // The marks, notes and one-click access are as usable as the rest of the page.
    await options.evaluate(await axeSource());
    expect(await options.evaluate(runAxe)).toEqual([]);
  });

  test('the parent chooses how its site is quieted, and adds and removes their own beside it', async () => {
    await options.getByRole('combobox', { name: 'How to quiet Slack', ...exact }).selectOption({ label: 'Quiet' });
    await expect.poll(sitesNow).toEqual([['127.0.0.1', 'quiet'], ['Slack', 'quiet']]);
    await options.getByRole('textbox', { name: 'Address of a work site', ...exact }).fill('linear.app');
    await options.getByRole('button', { name: 'Add site', ...exact }).click();
    await expect.poll(sitesNow).toEqual([['127.0.0.1', 'quiet'], ['Slack', 'quiet'], ['Linear', 'quiet']]);
    await options.getByRole('button', { name: 'Remove Linear', ...exact }).click();
    await expect.poll(sitesNow).toEqual([['127.0.0.1', 'quiet'], ['Slack', 'quiet']]);
  });

  test("runtime_allowed_hosts gives Hearth no access: the parent's click still does", async () => {
    const worker = await hearth.worker();
    expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['*://*.example.org/*'] }))).toBe(false);
  });

  test('a change of policy while the browser runs is in force within a minute, without a restart', async () => {
    const chat = await openChat(hearth, site, '/chat/changed?style=paren');
    await expect.poll(() => chat.title(), { timeout: 10_000 }).toBe('Work Chat');
    // The organisation takes the chat off its list; Chromium sees its policy file change by itself.
    await writePolicy(hearth.id, [{ pattern: 'app.slack.com' }, { pattern: 'mail.google.com', mode: 'set-aside' }]);
    await expect.poll(sitesNow, { timeout: 60_000, interval: 1000 }).toEqual([['Slack', 'quiet'], ['Gmail', 'set-aside']]);
    // Reconciled: the chat is no longer quieted, and shows its count again.
    await expect.poll(() => chat.title(), { timeout: 15_000 }).toMatch(/^\(\d+\) Work Chat$/);
    await chat.close();
    // The organisation's mark and the parent's own choice for Slack outlive the change.
    await options.reload();
    await options.getByRole('listitem', { name: 'Gmail', ...exact }).getByText('From your organisation.').waitFor();
    expect(await options.getByRole('combobox', { name: 'How to quiet Slack', ...exact }).inputValue()).toBe('quiet');
  });

  test("the parent ends the organisation's hours early tonight, as any family time", async () => {
    const status = async () => (await ask<{ active: { label: string }[] }>(hearth, { type: 'status' })).active.map((o) => o.label);
    expect(await status()).toContain('Evenings');
    await ask(hearth, { type: 'endNow' });
    await expect.poll(status).not.toContain('Evenings');
    // Skipped, not changed: the organisation's hours are still listed.
    expect((await ask<{ settings: { schedule: { windows: { id: string }[] } } }>(hearth, { type: 'settings' })).settings.schedule.windows.map((w) => w.id)).toContain(
      'org-window:evenings',
    );
  });
});
