// The organisation's policy in the worker: taken from storage.managed into a copy only when
// it can have changed, read from that copy, and the parent's own changes beside it.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import type { Settings } from '../core/settings/schema';
import { POLICY_KEY, adoptPolicy } from './policy';
import { addSite, removeSite, renameSite, setSiteMode, setSiteTuck, sitesView } from './siteCommands';
import { savePreferences, saveSchedule, setSkip, settingsView } from './settingsCommands';
import { addLetThrough } from './letThroughCommands';
import { SETTINGS_KEY, desiredNow, loadSettings } from './store';

vi.mock('./enforcers/sites', () => import('../../tests/unit/workerFakes').then((m) => m.sitesWithoutEffects()));

afterEach(() => void vi.restoreAllMocks());

const POLICY = {
  sites: [{ pattern: 'app.slack.com', mode: 'dim' }],
  windows: [{ id: 'evenings', label: 'Evenings', days: [1, 2, 3, 4, 5], start: '19:00', end: '07:00' }],
  headsUp: false,
};
const mine = (): Settings => ({ ...defaultSettings(), sites: [{ id: 'linear', pattern: 'linear.app', mode: 'quiet' }] });
const stored = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;
const sitesNow = async () => (await sitesView()).sites.map((s) => [s.site.id, s.site.mode, s.name]);

async function withPolicy(policy: unknown = POLICY, settings: Settings = mine()) {
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
  await fakeBrowser.storage.managed.set(policy as Record<string, unknown>);
  await adoptPolicy();
}

describe('taking the policy in', () => {
  test('a copy is kept in local storage, and only written when the policy changed', async () => {
    await withPolicy();
    expect((await fakeBrowser.storage.local.get(POLICY_KEY))[POLICY_KEY]).toEqual(POLICY);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await adoptPolicy();
    expect(set).not.toHaveBeenCalled();
  });

  test('a policy taken away takes the copy with it', async () => {
    await withPolicy();
    await fakeBrowser.storage.managed.clear();
    await adoptPolicy();
    expect(await fakeBrowser.storage.local.get(POLICY_KEY)).toEqual({});
  });

  test('a browser with no policy to give (Firefox throws) is no policy', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await adoptPolicy();
    expect(await fakeBrowser.storage.local.get(POLICY_KEY)).toEqual({});
  });

  test('a read never asks the browser for the policy: it uses the copy', async () => {
    await withPolicy();
    const asked = vi.spyOn(fakeBrowser.storage.managed, 'get');
    const { settings, problems } = await loadSettings();
    expect(asked).not.toHaveBeenCalled();
    expect(settings.sites.map((s) => s.id)).toEqual(['org-site:app.slack.com', 'linear']);
    expect(problems).toEqual([]);
  });

  test('a value the policy gets wrong is a plain note on the settings page, which stay in force', async () => {
    await withPolicy({ ...POLICY, headsUpMinutes: 'soon' });
    const view = await settingsView();
    expect(view.problems).toEqual([`Your organisation's setting "headsUpMinutes" couldn't be read, so yours is used.`]);
    expect(view.settings.sites).toHaveLength(2);
    // The popup's notes are about the parent's own settings: the policy is the organisation's to mend.
    expect((await desiredNow(Date.now())).problems).toEqual([]);
  });
});

describe("the parent's own changes beside the organisation's", () => {
  test("they choose how its site is quieted and name it, and the choice is theirs, in their own settings", async () => {
    await withPolicy();
    await setSiteMode('org-site:app.slack.com', 'quiet');
    await renameSite('org-site:app.slack.com', 'Team chat');
    expect(await sitesNow()).toEqual([
      ['org-site:app.slack.com', 'quiet', 'Team chat'],
      ['linear', 'quiet', 'Linear'],
    ]);
    expect((await stored()).sites.map((s) => s.id)).toEqual(['linear', 'org-site:app.slack.com']);
  });

  test("a site of their own for the same address keeps their changes, before and after the policy", async () => {
    await withPolicy(POLICY, { ...mine(), sites: [{ id: 'chat', pattern: 'app.slack.com', mode: 'set-aside' }] });
    expect(await sitesNow()).toEqual([['org-site:app.slack.com', 'set-aside', 'Slack']]);
    await setSiteMode('org-site:app.slack.com', 'quiet');
    expect(await sitesNow()).toEqual([['org-site:app.slack.com', 'quiet', 'Slack']]);
    expect((await stored()).sites).toEqual([{ id: 'chat', pattern: 'app.slack.com', mode: 'quiet' }]);
    // Adding the address again is another way to choose its mode.
    expect((await addSite('https://app.slack.com/client', 'dim')).ok).toBe(true);
    expect(await sitesNow()).toEqual([['org-site:app.slack.com', 'dim', 'Slack']]);
  });

  test("tucking every site's tabs away takes in the organisation's sites too, in one write", async () => {
    await withPolicy({ ...POLICY, sites: [...POLICY.sites, { pattern: 'mail.google.com', mode: 'quiet' }] });
    await setSiteMode('org-site:app.slack.com', 'quiet');
    const writes = vi.spyOn(fakeBrowser.storage.local, 'set');
    await setSiteTuck(undefined, true);
    expect(writes.mock.calls.filter(([items]) => SETTINGS_KEY in items)).toHaveLength(1);
    expect((await sitesView()).sites.map((s) => [s.site.id, s.site.tuck === true])).toEqual([
      ['org-site:app.slack.com', true],
      ['org-site:mail.google.com', true],
      ['linear', true],
    ]);
    await setSiteTuck(undefined, false);
    expect((await sitesView()).sites.every((s) => s.site.tuck !== true)).toBe(true);
  });

  test("they cannot take the organisation's site off (it would come back); their own go as before", async () => {
    await withPolicy();
    await removeSite('org-site:app.slack.com');
    await removeSite('linear');
    expect(await sitesNow()).toEqual([['org-site:app.slack.com', 'dim', 'Slack']]);
  });

  test("without the policy, a choice kept for its site never swallows the parent's own site", async () => {
    await withPolicy();
    await setSiteMode('org-site:app.slack.com', 'quiet');
    await fakeBrowser.storage.managed.clear();
    await adoptPolicy();
    expect(await sitesNow()).toEqual([['linear', 'quiet', 'Linear']]);
    expect((await addSite('app.slack.com', 'set-aside')).ok).toBe(true);
    const sites = (await sitesView()).sites;
    expect(sites.map((s) => [s.site.pattern, s.site.mode])).toEqual([['linear.app', 'quiet'], ['app.slack.com', 'set-aside']]);
    expect(sites[1]!.site.id).not.toMatch(/^org-/);
  });

  test("let-through words can belong to the organisation's site", async () => {
    await withPolicy();
    expect(await addLetThrough('School office', 'org-site:app.slack.com')).toMatchObject({ ok: true });
  });

  test("its quiet hours are in force and can be skipped, but a saved schedule never holds them", async () => {
    await withPolicy();
    const { settings } = await settingsView();
    const evenings = settings.schedule.windows.find((w) => w.label === 'Evenings')!;
    expect(evenings.id).toBe('org-window:evenings');
    const today = new Date().toISOString().slice(0, 10);
    const { schedule } = (await setSkip(evenings.id, today, true)).settings;
    const result = await saveSchedule({ ...schedule, windows: schedule.windows.map((w) => ({ ...w, paused: true })) });
    expect(result.ok).toBe(true);
    const own = await stored();
    expect(own.schedule.windows.map((w) => w.id)).toEqual(mine().schedule.windows.map((w) => w.id));
    expect(own.schedule.skips).toEqual([{ windowId: 'org-window:evenings', date: today }]);
    // Still in force, and not paused: the organisation's, as it set them.
    expect((await settingsView()).settings.schedule.windows.find((w) => w.id === evenings.id)?.paused).toBe(false);
  });

  test("its defaults hold until the parent chooses, and are never written into the parent's settings", async () => {
    await withPolicy();
    const { settings } = await settingsView();
    expect(settings.preferences.headsUp).toBe(false);
    // The page sends the preferences it shows, the organisation's default among them.
    expect((await savePreferences({ ...settings.preferences, headsUpMinutes: 25 })).ok).toBe(true);
    expect((await stored()).preferences).toMatchObject({ headsUp: true, headsUpMinutes: 25 });
    expect((await settingsView()).settings.preferences).toMatchObject({ headsUp: false, headsUpMinutes: 25 });
    await savePreferences({ headsUp: true });
    expect((await settingsView()).settings.preferences.headsUp).toBe(true);
  });

  test("their settings file holds only their own part", async () => {
    await withPolicy();
    await setSiteMode('org-site:app.slack.com', 'quiet');
    const { own } = await settingsView();
    expect(own.sites.map((s) => s.id)).toEqual(['linear']);
    expect(own.schedule.windows.some((w) => w.id.startsWith('org-'))).toBe(false);
  });
});
