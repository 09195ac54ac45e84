// An organisation's policy, as Chromium gives it: a file in the managed policy folder
// (/etc/chromium/policies/managed, so the tests run as root, as CI does) for a copy of
// Hearth under an id of its own, so no other test's browser sees it. Hearth lists the
// organisation's sites and hours marked as such, keeps the parent's own beside them, puts
// the hours in force, notes a value it can't use, and takes a change of policy while the
// browser runs. And the admin route that grants nothing: runtime_allowed_hosts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, launch, type Hearth } from './harness';
import { ask } from './helpers';

const POLICY_DIR = '/etc/chromium/policies/managed';
const exact = { exact: true } as const;
let hearth: Hearth;
let copy: string;
let policyFile: string;
let options: Page;

/** A copy of the test build with a key (and so an id) of its own. */
async function hearthOfItsOwn(): Promise<{ dir: string; id: string }> {
  const der = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' });
  const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  const dir = await mkdtemp(join(tmpdir(), 'hearth-policy-'));
  await cp(DIST, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key: der.toString('base64') }));
  return { dir, id };
}

const hhmm = (at: number) => new Date(at).toTimeString().slice(0, 5);
const policyFor = (id: string, sites: unknown[]) => ({
  '3rdparty': {
    extensions: {
      [id]: {
        sites,
        // On now, every day, for a while.
        windows: [{ label: 'Evenings', days: [0, 1, 2, 3, 4, 5, 6], start: hhmm(Date.now() - 3600e3), end: hhmm(Date.now() + 3 * 3600e3) }],
        headsUp: false,
      },
    },
  },
  ExtensionSettings: { [id]: { runtime_allowed_hosts: ['*://*.example.org'] } },
});

beforeAll(async () => {
  const own = await hearthOfItsOwn();
  copy = own.dir;
  await mkdir(POLICY_DIR, { recursive: true });
  policyFile = join(POLICY_DIR, `hearth-test-${own.id}.json`);
  await writeFile(policyFile, JSON.stringify(policyFor(own.id, [{ pattern: 'app.slack.com', mode: 'dim' }, { pattern: '*.com' }])));
  hearth = await launch(undefined, { extension: copy });
  expect(hearth.id).toBe(own.id);
});

afterAll(async () => {
  await rm(policyFile, { force: true });
  await hearth?.close();
  await rm(copy, { recursive: true, force: true });
});

describe("an organisation's policy", () => {
  test('its sites and hours are listed, marked, and in force; a value it cannot use is noted', async () => {
    await expect.poll(async () => (await ask<{ active: { label: string }[] }>(hearth, { type: 'status' })).active.map((o) => o.label), { timeout: 10_000 }).toEqual(['Evenings']);
    options = await hearth.open('src/ui/options/index.html');
    const slack = options.getByRole('listitem', { name: 'Slack', ...exact });
    await slack.getByText('From your organisation.').waitFor();
    expect(await slack.getByRole('button', { name: 'Remove Slack', ...exact }).count()).toBe(0);
    expect(await options.getByRole('combobox', { name: 'How to quiet Slack', ...exact }).inputValue()).toBe('dim');
    const evenings = options.getByRole('listitem', { name: 'Evenings', ...exact });
    await evenings.getByText('From your organisation.').waitFor();
    expect(await evenings.getByRole('button', { name: 'Delete Evenings', ...exact }).count()).toBe(0);
    // Site access for the organisation's sites, in one click (the browser asks only in a gesture).
    await options.getByRole('button', { name: "Allow Hearth on your organisation's work site", ...exact }).waitFor();
    const notes = options.getByRole('region', { name: 'A few settings were set aside', ...exact });
    await notes.getByText(/^Your organisation's work site number 2 was set aside: /).waitFor();
  });

  test("the parent chooses how it is quieted, and adds and removes their own sites beside it", async () => {
    await options.getByRole('combobox', { name: 'How to quiet Slack', ...exact }).selectOption({ label: 'Quiet' });
    await expect.poll(async () => (await ask<{ sites: { name: string; site: { mode: string } }[] }>(hearth, { type: 'sites' })).sites.map((s) => [s.name, s.site.mode])).toEqual([['Slack', 'quiet']]);
    await options.getByRole('textbox', { name: 'Address of a work site', ...exact }).fill('linear.app');
    await options.getByRole('button', { name: 'Add site', ...exact }).click();
    await options.getByRole('button', { name: 'Remove Linear', ...exact }).click();
    await expect.poll(async () => (await ask<{ sites: { name: string }[] }>(hearth, { type: 'sites' })).sites.map((s) => s.name)).toEqual(['Slack']);
  });

  test('a change of policy while the browser runs is in force within a minute, with no restart', async () => {
    await writeFile(policyFile, JSON.stringify(policyFor(hearth.id, [{ pattern: 'app.slack.com' }, { pattern: 'mail.google.com', mode: 'set-aside' }])));
    await expect
      .poll(async () => (await ask<{ sites: { name: string }[] }>(hearth, { type: 'sites' })).sites.map((s) => s.name), { timeout: 60_000, interval: 1000 })
      .toEqual(['Slack', 'Gmail']);
    // The parent's own choice for Slack outlives the change.
    expect((await ask<{ sites: { site: { mode: string } }[] }>(hearth, { type: 'sites' })).sites[0]!.site.mode).toBe('quiet');
  });

  test('runtime_allowed_hosts grants no access: the parent still gives it', async () => {
    const worker = await hearth.worker();
    expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['*://*.example.org/*'] }))).toBe(false);
  });
});
