// The options page's work-site editor in real Chromium, driven by role and accessible
// name: add from presets and by address, a specific sentence next to the field for an
// address Hearth can't use, modes, removal, and host access asked at the moment of adding.
// Then "A prompt of your own": an empty one is caught on the page, with the sentence tied
// to the field, and a real one goes in.
//
// Permission prompts: a test cannot answer the browser's prompt. In headless Chromium
// `permissions.request` made in a click shows a prompt nobody sees and never settles
// (without a gesture it rejects at once; for origins the parent already allowed it
// resolves true at once, with no prompt). So:
// - Slack is allowed first in chrome://extensions (the browser's own site-access
//   setting, through its developerPrivate API), and its request resolves true.
// - Gmail is not: its prompt stays open for the rest of the test, and the page lists
//   the site anyway, because it never waits on the answer to add.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { SitesView } from '../../src/messages';
import { launch, type Hearth } from './harness';

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
const status = () => page.getByRole('region', { name: 'Work sites', exact: true }).getByRole('status').textContent();
const list = () => page.getByRole('list', { name: 'Your work sites', ...exact });
const item = (name: string) => list().getByRole('listitem', { name, ...exact });
const button = (name: string) => page.getByRole('button', { name, ...exact });
const address = () => page.getByRole('textbox', { name: 'Address of a work site', ...exact });

/** The names on the page's list, in order. */
async function listedOnPage(): Promise<string[]> {
  if ((await list().count()) === 0) return [];
  return list()
    .getByRole('listitem')
    .evaluateAll((items) => items.map((li) => document.getElementById(li.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''));
}

/** The worker's own answer to `sites`, asked from the page (an own page, so it is answered). */
async function listedByWorker() {
  const view = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'sites' }) as Promise<SitesView>);
  return view.sites.map((s) => ({ name: s.name, pattern: s.site.pattern, mode: s.site.mode, hasAccess: s.hasAccess }));
}

/**
 * Allows Hearth on a site in the browser's extension settings, as a parent can under
 * "Site access". Nothing is active yet, but the next `permissions.request` for it
 * resolves true without a prompt.
 */
async function allowInBrowserSettings(origin: string) {
  const settings = await hearth.context.newPage();
  await settings.goto('chrome://extensions/');
  await settings.evaluate(
    ([id, host]) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
        }
      ).chrome.developerPrivate.addHostPermission(id, host),
    [hearth.id, origin] as const,
  );
  await settings.close();
}

const workerHas = async (origin: string) =>
  (await hearth.worker()).evaluate((o) => chrome.permissions.contains({ origins: [o] }), origin);

describe('the work-site editor', () => {
  test('says what happens to work sites and why it asks for access, before anything is listed', async () => {
    await page.getByRole('heading', { level: 1, name: 'Hearth settings', ...exact }).waitFor();
    const section = page.getByRole('region', { name: 'Work sites', ...exact });
    await section.getByRole('heading', { level: 2, name: 'Work sites', ...exact }).waitFor();
    await section.getByText(/holds back notifications from these sites, mutes their tabs and hides their unread counts/).waitFor();
    await section.getByText(/^Hearth holds back every notification from these sites during family time\./).waitFor();
    await section.getByText(/^No work sites yet\./).waitFor();
    await section.getByText(/^Hearth asks for access to each work site only when you add it/).waitFor();
    const presets = page.getByRole('group', { name: 'Common work sites', ...exact });
    await presets.getByRole('button', { name: 'Add Slack', ...exact }).waitFor();
    expect(await presets.getByRole('button').count()).toBeGreaterThan(5);
    expect(await listedOnPage()).toEqual([]);
  });

  test('adds Slack from the presets; access allowed in the browser already comes without a prompt', async () => {
    await allowInBrowserSettings('*://*.app.slack.com/*');
    await button('Add Slack').click();
    await expect.poll(status, soon).toBe('Slack added.');
    expect(await listedOnPage()).toEqual(['Slack']);
    expect(await item('Slack').textContent()).toContain('app.slack.com');
    expect(await button('Add Slack').count()).toBe(0);
    // The request resolved true, the page asked for the list again, and the note is gone.
    await expect.poll(() => button('Give access to Slack').count(), soon).toBe(0);
    expect(await workerHas('*://*.app.slack.com/*')).toBe(true);
    // Focus moved on to the next preset, not lost with the button.
    expect(await button('Add Gmail').evaluate((el) => el === document.activeElement)).toBe(true);
  });

  test('adds a typed address, normalised, even while the browser’s prompt stays unanswered', async () => {
    await address().fill('https://mail.google.com/mail/u/0');
    await page.getByRole('combobox', { name: 'How to quiet it', ...exact }).selectOption({ label: 'Dim' });
    await button('Add site').click();
    await expect.poll(status, soon).toBe('Gmail added.');
    expect(await listedOnPage()).toEqual(['Slack', 'Gmail']);
    expect(await item('Gmail').textContent()).toContain('mail.google.com');
    expect(await address().inputValue()).toBe('');
    expect(await button('Add Gmail').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'How to quiet Gmail', ...exact }).inputValue()).toBe('dim');
    // No answer came, so the site is listed without access and says what that means.
    await item('Gmail').getByText("Hearth doesn't have access to this site yet, so it can only hold back its notifications.").waitFor();
    await button('Give access to Gmail').waitFor();
    expect(await listedByWorker()).toEqual([
      { name: 'Slack', pattern: 'app.slack.com', mode: 'quiet', hasAccess: true },
      { name: 'Gmail', pattern: 'mail.google.com', mode: 'dim', hasAccess: false },
    ]);
  });

  test('gives access to a listed site from its own button', async () => {
    await allowInBrowserSettings('*://*.mail.google.com/*');
    await button('Give access to Gmail').click();
    await expect.poll(() => button('Give access to Gmail').count(), soon).toBe(0);
    // Said once the worker's answer is in, which can come after the browser's own word of the new access redrew the list.
    await expect.poll(status, soon).toBe('Hearth now has access to Gmail, so it can quiet it fully.');
    expect(await workerHas('*://*.mail.google.com/*')).toBe(true);
    expect((await listedByWorker()).map((s) => s.hasAccess)).toEqual([true, true]);
  });

  test('says what to change right next to the field, keeps the text, and takes a trailing dot', async () => {
    // By keyboard: type and press Enter.
    await address().fill('not a site!');
    await address().press('Enter');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), soon).toBe(
      '"not a site!" has a character (a space) that site addresses don\'t use.',
    );
    expect(await address().getAttribute('aria-invalid')).toBe('true');
    expect(await address().getAttribute('aria-describedby')).toBe(await alert.getAttribute('id'));
    expect(await address().inputValue()).toBe('not a site!');
    expect(await listedOnPage()).toEqual(['Slack', 'Gmail']);
    // What the section said last (about Gmail) no longer stands beside the new sentence.
    expect(await status()).toBe('');

    // "slack.com." is a fully qualified name: the dot goes, and it is a site of its own
    // (Slack's preset is app.slack.com).
    await address().fill('slack.com.');
    await address().press('Enter');
    await expect.poll(status, soon).toBe('slack.com added.');
    expect(await listedOnPage()).toEqual(['Slack', 'Gmail', 'slack.com']);
    expect(await alert.count()).toBe(0);
    expect(await address().getAttribute('aria-invalid')).toBeNull();
  });

  test('changes a mode and removes a site; storage agrees', async () => {
    await page.getByRole('combobox', { name: 'How to quiet Slack', ...exact }).selectOption({ label: 'Set aside' });
    await expect.poll(status, soon).toBe('Slack will be set aside during family time, with a way through.');

    const stored = async () => {
      const { settings } = await (await hearth.worker()).evaluate(() => chrome.storage.local.get('settings'));
      return (settings as { sites: { pattern: string; mode: string }[] }).sites.map(({ pattern, mode }) => ({ pattern, mode }));
    };
    expect(await stored()).toEqual([
      { pattern: 'app.slack.com', mode: 'set-aside' },
      { pattern: 'mail.google.com', mode: 'dim' },
      // The form keeps the way of quieting last chosen (Dim) for the next address.
      { pattern: 'slack.com', mode: 'dim' },
    ]);

    // Each site's tuck-away checkbox says which site it is for.
    const tuck = page.getByRole('checkbox', { name: 'Tuck away Gmail tabs during family time', ...exact });
    expect(await tuck.isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Tuck away Slack tabs during family time', ...exact }).count()).toBe(1);

    await button('Remove Slack').click();
    await expect.poll(status, soon).toBe('Slack removed.');
    expect(await listedOnPage()).toEqual(['Gmail', 'slack.com']);
    await button('Add Slack').waitFor();
    // Focus went to the next site's Remove button, not back to the top of the page.
    expect(await button('Remove Gmail').evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await listedByWorker()).map((s) => s.pattern)).toEqual(['mail.google.com', 'slack.com']);
  });

  test('an address typed with a port is listed for its whole host, and says so', async () => {
    await address().fill('http://intranet.example:8443/board');
    await address().press('Enter');
    const said = 'Listed for every port of intranet.example, :8443 included: a work site can\'t be kept to one port.';
    await expect.poll(status, soon).toBe(`intranet.example added. ${said}`);
    // Also under the field, where the eye is, and describing it.
    expect(await page.locator('p.field-note').textContent()).toBe(said);
    expect(await address().getAttribute('aria-describedby')).toBe(await page.locator('p.field-note').getAttribute('id'));
    expect((await listedByWorker()).map((s) => s.pattern)).toEqual(['mail.google.com', 'slack.com', 'intranet.example']);
    // Typing again puts the note away.
    await address().fill('x');
    expect(await page.locator('p.field-note').count()).toBe(0);
    await address().fill('');
    await button('Remove intranet.example').click();
    await expect.poll(status, soon).toBe('intranet.example removed.');
  });

  test('the heads-up and the welcome back can be turned off by keyboard, and minutes changed', async () => {
    const notices = page.getByRole('region', { name: 'Notices and ways through', exact: true });
    const headsUp = notices.getByRole('checkbox', { name: 'A calm heads-up before family time starts' });
    expect(await headsUp.isChecked()).toBe(true);
    await headsUp.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => headsUp.isChecked(), soon).toBe(false);
    await notices.getByRole('checkbox', { name: /A short welcome back/ }).uncheck();
    const minutes = notices.getByRole('spinbutton', { name: 'Minutes a way through stays open (dim and set aside)' });
    // A number out of range is refused beside the field and stays as typed.
    await minutes.fill('500');
    await minutes.press('Tab');
    await expect.poll(() => notices.getByRole('alert').textContent(), soon).toMatch(/120/);
    expect(await minutes.inputValue()).toBe('500');
    await minutes.fill('15');
    await minutes.press('Tab');
    await expect.poll(() => notices.getByRole('alert').count(), soon).toBe(0);
    const prefs = async () => {
      const { settings } = await (await hearth.worker()).evaluate(() => chrome.storage.local.get('settings'));
      return (settings as { preferences: Record<string, unknown> }).preferences;
    };
    await expect.poll(prefs, soon).toEqual({ headsUp: false, headsUpMinutes: 10, handoff: false, dimWayThroughMinutes: 15 });
  });
});

describe('a prompt of your own', () => {
  const prompts = () => page.getByRole('region', { name: 'Prompts', ...exact });
  const field = () => prompts().getByRole('textbox', { name: 'A prompt of your own', ...exact });
  const add = () => prompts().getByRole('button', { name: 'Add prompt', ...exact });
  const isFocused = (locator: ReturnType<Page['getByRole']>) => locator.evaluate((el) => el === document.activeElement);
  const customPrompts = async () => {
    // Stored by the settings page under "prompts" (src/ui/shared/prompts.ts).
    const { prompts: stored } = await (await hearth.worker()).evaluate(() => chrome.storage.local.get('prompts'));
    return ((stored as { custom?: { text: string }[] } | undefined)?.custom ?? []).map((c) => c.text);
  };

  test('nothing typed, or only spaces: a sentence by the field says what to do, and the cursor goes back there', async () => {
    const before = await customPrompts();
    for (const typed of ['', '   ']) {
      await field().fill(typed);
      await add().click();
      const alert = prompts().getByRole('alert');
      await expect.poll(() => alert.textContent(), soon).toBe('Write a few words for your prompt first.');
      expect(await field().getAttribute('aria-invalid')).toBe('true');
      expect(await field().getAttribute('aria-describedby')).toBe(await alert.getAttribute('id'));
      expect(await isFocused(field())).toBe(true);
    }
    // The page stays whole and nothing was kept.
    await page.getByRole('heading', { level: 1, name: 'Hearth settings', ...exact }).waitFor();
    expect(await customPrompts()).toEqual(before);
  });

  test('a prompt with words goes in; the sentence by the field goes once typing starts', async () => {
    await field().fill('Hum the car song together at the table');
    expect(await prompts().getByRole('alert').count()).toBe(0);
    expect(await field().getAttribute('aria-invalid')).toBeNull();
    await add().click();
    await expect.poll(() => prompts().getByRole('status').textContent(), soon).toBe('Your prompt is in the mix.');
    expect(await field().inputValue()).toBe('');
    expect(await customPrompts()).toContain('Hum the car song together at the table');
  });
});
