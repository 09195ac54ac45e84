// An organisation's policy through Firefox's policies.json (its 3rdparty section), for a
// copy of Hearth under an add-on id of its own. Firefox reads the file as it starts, so it
// is in place only for this browser's start (Firefox tests run one at a time), and any file
// already there is put back as it was.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST, EXECUTABLE, launchFirefox, type FirefoxHearth } from './harness';

const ADDON_ID = 'hearth-policy-test@hearth.family';
const hhmm = (at: number) => new Date(at).toTimeString().slice(0, 5);
let ff: FirefoxHearth;
let copy: string;

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'hearth-ff-policy-'));
  await cp(DIST, copy, { recursive: true });
  const manifest = JSON.parse(await readFile(join(copy, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  manifest.browser_specific_settings.gecko.id = ADDON_ID;
  await writeFile(join(copy, 'manifest.json'), JSON.stringify(manifest));

  // The distribution folder beside Firefox's own binary (Debian: a link into /usr/share).
  const policies = join(dirname(realpathSync(EXECUTABLE)), 'distribution', 'policies.json');
  const kept = existsSync(policies) ? `${policies}.hearth-test` : null;
  if (kept) await rename(policies, kept);
  const evenings = { id: 'evenings', label: 'Evenings', days: [0, 1, 2, 3, 4, 5, 6], start: hhmm(Date.now() - 3600e3), end: hhmm(Date.now() + 3 * 3600e3) };
  const sites = [{ pattern: 'app.slack.com', mode: 'dim' }, { pattern: '127.0.0.1' }, { pattern: '*.com' }];
  await writeFile(policies, JSON.stringify({ policies: { '3rdparty': { Extensions: { [ADDON_ID]: { sites, windows: [evenings] } } } } }));
  try {
    ff = await launchFirefox(copy, ADDON_ID);
  } finally {
    await rm(policies, { force: true });
    if (kept) await rename(kept, policies);
  }
});

afterAll(async () => {
  await ff?.close();
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe("an organisation's policy in Firefox", () => {
  test("its sites and hours are in force, marked as the organisation's, and a value it can't use is noted", async () => {
    const status = async () => (await ff.ask<{ active: { label: string }[] }>({ type: 'status' })).active.map((o) => o.label);
    await expect.poll(status, { timeout: 30_000, interval: 500 }).toContain('Evenings');
    const { sites } = await ff.ask<{ sites: { name: string; site: { id: string; mode: string } }[] }>({ type: 'sites' });
    expect(sites.map((s) => [s.name, s.site.id, s.site.mode])).toEqual([
      ['Slack', 'org-site:app.slack.com', 'dim'],
      ['127.0.0.1', 'org-site:127.0.0.1', 'quiet'],
    ]);
    const options = await ff.open('src/ui/options/index.html', '.org-note');
    await options.waitForSelector('.settings-notes li', { timeout: 10_000 });
    expect(await options.evaluate(() => [...document.querySelectorAll('.org-note strong')].map((n) => n.textContent))).toEqual([
      'From your organisation.',
      'From your organisation.',
      'From your organisation.',
    ]);
    expect(await options.evaluate(() => document.querySelector('.settings-notes li')?.textContent)).toMatch(/^Your organisation's work site number 3 was set aside: /);
    expect(ff.errors()).toEqual([]);
  });
});
