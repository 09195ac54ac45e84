// The first-run welcome page in real Chromium, driven by role and accessible name:
// pick work tools or type in another site's address, choose and time the family times,
// save with Done; or skip, find the defaults just as they were, and close the tab when
// ready (it never closes by itself).
//
// Permission prompts: the test build already holds access to 127.0.0.1 only. In
// headless Chromium `permissions.request` made in a click for any other origin shows a
// prompt nobody sees and never settles, so these tests also show that the page adds a
// tool without waiting for the browser's answer.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../public/_locales/en/messages.json';
import { setSay } from '../../src/core/say';
import { sayFromMessages } from '../unit/sayFromMessages';
import { defaultSettings } from '../../src/core/settings/defaults';
import type { SettingsView } from '../../src/messages';
import { serveFixtures } from '../fixtures/server';
import { launch, type Hearth } from './harness';
import { ask, axeViolations, closePages, openChat } from './helpers';

const ONBOARDING = 'src/ui/onboarding/index.html';
const OPTIONS = 'src/ui/options/index.html';

// The usual settings as the browser under test (in English) names them.
setSay(sayFromMessages(en));
const DEFAULTS = defaultSettings();

let hearth: Hearth;
beforeEach(async () => {
  hearth = await launch();
});
afterEach(async () => {
  await hearth?.close();
});

const soon = { timeout: 5_000 };
const exact = { exact: true } as const;
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, ...exact });
const button = (page: Page, name: string) => page.getByRole('button', { name, ...exact });
const checkbox = (page: Page, name: string) => page.getByRole('checkbox', { name, ...exact });
const timeField = (page: Page, name: string) => page.getByLabel(name, exact);
const status = (page: Page) => page.getByRole('status').textContent();
const hasFocus = (locator: ReturnType<Page['getByRole']>) => locator.evaluate((el) => el === document.activeElement);
const stored = async () => (await ask<SettingsView>(hearth, { type: 'settings' })).settings;

/** The text an element's aria-describedby points at. */
const description = (locator: ReturnType<Page['getByLabel']>) =>
  locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );

describe('the welcome page', () => {
  test('saves the tools and family times the parent picks', async () => {
    const page = await hearth.open(ONBOARDING);
    await page.getByRole('heading', { level: 1, name: 'Welcome to Hearth', ...exact }).waitFor();
    expect(await page.title()).toBe('Welcome to Hearth');

    // Step 1: work tools, as toggle buttons.
    await heading(page, 'Which work tools do you use?').waitFor();
    await page
      .getByText(
        'Hearth asks your browser for access to each site you pick, right now, so it can mute its tabs and hide its unread counts during family time. It never reads or sends your data.',
        exact,
      )
      .waitFor();
    const slack = button(page, 'Slack');
    await slack.waitFor();
    expect(await slack.getAttribute('aria-pressed')).toBe('false');
    // Jira and Confluence share an address, so they are one toggle.
    await button(page, 'Jira and Confluence').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await slack.click();
    expect(await slack.getAttribute('aria-pressed')).toBe('true');
    // The browser's prompt is still open; Slack is on the list anyway.
    await expect.poll(() => status(page), soon).toBe('Slack added. Hearth will keep it quiet during family time.');
    // Gmail on, then off again.
    const gmail = button(page, 'Gmail');
    await gmail.click();
    await expect.poll(() => status(page), soon).toBe('Gmail added. Hearth will keep it quiet during family time.');
    await gmail.click();
    expect(await gmail.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => status(page), soon).toBe("Gmail is off Hearth's list now.");
    expect(await slack.getAttribute('aria-pressed')).toBe('true');
    expect((await stored()).sites.map(({ pattern, mode }) => ({ pattern, mode }))).toEqual([
      { pattern: 'app.slack.com', mode: 'quiet' },
    ]);

    // Step 2: family times, ticked as stored (the defaults), with labelled times.
    await button(page, 'Next').click();
    const timesHeading = heading(page, 'When is family time?');
    await timesHeading.waitFor();
    expect(await hasFocus(timesHeading)).toBe(true);
    expect(await checkbox(page, 'Dinner').isChecked()).toBe(true);
    expect(await checkbox(page, 'Bedtime routine').isChecked()).toBe(true);
    expect(await checkbox(page, 'Weekends').isChecked()).toBe(true);
    expect(await checkbox(page, 'School run').isChecked()).toBe(false);
    expect(await timeField(page, 'Dinner starts').inputValue()).toBe('18:00');
    expect(await timeField(page, 'Dinner ends').inputValue()).toBe('19:30');
    expect(await timeField(page, 'School run starts').isDisabled()).toBe(true);

    await checkbox(page, 'Bedtime routine').uncheck();
    await checkbox(page, 'Weekends').uncheck();
    await checkbox(page, 'School run').check();
    expect(await timeField(page, 'School run starts').isDisabled()).toBe(false);
    await timeField(page, 'Dinner starts').fill('17:45');
    // An end earlier than the start is the next day, said right next to it.
    const dinnerEnds = timeField(page, 'Dinner ends');
    await dinnerEnds.fill('06:30');
    await expect.poll(() => description(dinnerEnds), soon).toBe('Ends the next day');
    expect(await dinnerEnds.getAttribute('aria-invalid')).toBe(null);
    // Only an end equal to the start is named as a problem, and the step stays.
    await dinnerEnds.fill('17:45');
    await expect.poll(() => description(dinnerEnds), soon).toBe('');
    await button(page, 'Next').click();
    await expect.poll(() => dinnerEnds.getAttribute('aria-invalid'), soon).toBe('true');
    expect(await description(dinnerEnds)).toMatch(/^For Dinner, pick an end time other than its start, 5:45\sPM\.$/u);
    expect(await hasFocus(dinnerEnds)).toBe(true);
    expect(await timesHeading.count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await dinnerEnds.fill('19:00');
    expect(await dinnerEnds.getAttribute('aria-invalid')).toBe(null);
    await expect.poll(() => description(dinnerEnds), soon).toBe('');

    // Step 3: a summary in plain words, then Done.
    await button(page, 'Next').click();
    const doneHeading = heading(page, 'All set');
    await doneHeading.waitFor();
    expect(await hasFocus(doneHeading)).toBe(true);
    await page
      .getByText('During family time, Hearth keeps Slack quiet: no notifications, muted tabs and no unread counts.', exact)
      .waitFor();
    const times = page.getByRole('list', { name: 'Family time:', ...exact }).getByRole('listitem');
    expect(await times.allTextContents()).toEqual([
      expect.stringMatching(/^Dinner: every day, 5:45\sPM to 7:00\sPM$/u),
      expect.stringMatching(/^School run: weekdays, 7:30\sAM to 8:30\sAM$/u),
    ]);
    // Nothing saved before Done.
    expect((await stored()).schedule.windows).toEqual(DEFAULTS.schedule.windows);

    await button(page, 'Done').click();
    const ready = page.getByText("Hearth is ready. You can change all of this any time in Hearth's settings.", exact);
    await ready.waitFor();
    expect(await ready.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await button(page, 'Skip for now').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    const settings = await stored();
    expect(settings.schedule).toEqual({
      windows: [
        { ...DEFAULTS.schedule.windows[0], start: '17:45', end: '19:00' },
        {
          id: 'school-run',
          label: 'School run',
          kind: 'school-run',
          days: [1, 2, 3, 4, 5],
          start: '07:30',
          end: '08:30',
          endDayOffset: 0,
          paused: false,
        },
      ],
      blocks: [],
      skips: [],
    });
    expect(settings.sites.map(({ pattern, mode }) => ({ pattern, mode }))).toEqual([{ pattern: 'app.slack.com', mode: 'quiet' }]);
    expect(settings.preferences).toEqual(DEFAULTS.preferences);

    // The way on: Hearth's settings, in their own tab.
    const closed = page.waitForEvent('close');
    await button(page, "Open Hearth's settings").click();
    await expect
      .poll(() => hearth.context.pages().some((p) => p.url() === `chrome-extension://${hearth.id}/${OPTIONS}`), soon)
      .toBe(true);
    await closed;
  });

  test('takes a work site no tool names, by its address: named from its tab, listed, and off again', async () => {
    const site = await serveFixtures();
    try {
      // The parent's company chat is open in a tab (the fixture host, which the test build may already reach).
      const chat = await openChat(hearth, site, '/chat/welcome');
      await expect.poll(() => chat.title(), soon).toMatch(/^\(\d+\) Work Chat$/);

      const page = await hearth.open(ONBOARDING);
      await page
        .getByText("Pick the ones you'd like kept quiet during family time. If yours isn't here, you can type its address below.", exact)
        .waitFor();
      await page.getByRole('heading', { level: 3, name: 'Another work site', ...exact }).waitFor();
      const address = page.getByRole('textbox', { name: 'Address of a work site', ...exact });

      // One Hearth can't use: the sentence is under the field and describes it; the text stays.
      await address.fill('chat at work');
      await button(page, 'Add site').click();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent(), soon).toBe('"chat at work" has a character (a space) that site addresses don\'t use.');
      expect(await address.getAttribute('aria-invalid')).toBe('true');
      expect(await description(address)).toBe(await alert.textContent());
      expect(await address.inputValue()).toBe('chat at work');
      expect(await hasFocus(address)).toBe(true);
      const [field, sentence] = await Promise.all([address.boundingBox(), alert.boundingBox()]);
      expect(sentence!.y).toBeGreaterThanOrEqual(field!.y + field!.height);
      expect(await axeViolations(page)).toEqual([]);

      // The tab's whole address, pasted: read as its site, and named from the tab's title.
      await address.fill(`${site.origin}/chat/welcome?room=1`);
      await address.press('Enter');
      // Its port can't be kept (a site is its whole host), and the welcome says so.
      const port = new URL(site.origin).port;
      await expect.poll(() => status(page), soon).toBe(
        `Work Chat added. Hearth will keep it quiet during family time. Listed for every port of 127.0.0.1, :${port} included: a work site can't be kept to one port.`,
      );
      expect(await alert.count()).toBe(0);
      expect(await address.inputValue()).toBe('');
      expect(await address.getAttribute('aria-invalid')).toBeNull();
      const others = page.getByRole('list', { name: 'Another work site', ...exact }).getByRole('listitem');
      expect(await others.count()).toBe(1);
      expect(await others.first().textContent()).toContain('127.0.0.1');
      await button(page, 'Remove Work Chat').waitFor();
      expect((await stored()).sites.map(({ pattern, mode, name }) => ({ pattern, mode, name }))).toEqual([
        { pattern: '127.0.0.1', mode: 'quiet', name: 'Work Chat' },
      ]);
      expect(await axeViolations(page)).toEqual([]);

      // Typed again: already listed, said so; then one Hearth can't use: the form says why,
      // and the sentence before it goes, rather than standing beside it out of date.
      await address.fill('127.0.0.1');
      await address.press('Enter');
      await expect.poll(() => status(page), soon).toBe('Work Chat is already on your list.');
      await address.fill('my company chat');
      await address.press('Enter');
      await expect.poll(() => alert.textContent(), soon).toBe('"my company chat" has a character (a space) that site addresses don\'t use.');
      expect(await status(page)).toBe('');
      await address.fill('');

      // The summary names it with the rest.
      await button(page, 'Next').click();
      await heading(page, 'When is family time?').waitFor();
      await button(page, 'Next').click();
      await page
        .getByText('During family time, Hearth keeps Work Chat quiet: no notifications, muted tabs and no unread counts.', exact)
        .waitFor();

      // The settings page lists it by the same name.
      const options = await hearth.open(OPTIONS);
      await options.getByRole('list', { name: 'Your work sites', ...exact }).getByRole('listitem', { name: 'Work Chat', ...exact }).waitFor();
      await options.close();

      // Back on step 1, it comes off again; focus goes to the field to type another.
      await button(page, 'Back').click();
      await button(page, 'Back').click();
      await button(page, 'Remove Work Chat').click();
      await expect.poll(() => status(page), soon).toBe("Work Chat is off Hearth's list now.");
      expect(await others.count()).toBe(0);
      await expect.poll(() => hasFocus(address), soon).toBe(true);
      expect((await stored()).sites).toEqual([]);
      await closePages(chat);
    } finally {
      await site.close();
    }
  });

  test('Skip for now leaves the defaults untouched, says so, and closes the tab when asked', async () => {
    const page = await hearth.open(ONBOARDING);
    await button(page, 'Slack').waitFor();
    await button(page, 'Next').click();
    await heading(page, 'When is family time?').waitFor();
    // Changes on the page are not saved by skipping.
    await checkbox(page, 'Bedtime routine').uncheck();
    await checkbox(page, 'School run').check();
    await timeField(page, 'Dinner starts').fill('17:00');

    await button(page, 'Skip for now').click();
    const note = page.getByText(
      "No problem — the defaults are on, and Hearth's settings are one click away in its menu.",
      exact,
    );
    await note.waitFor();
    expect(await note.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await button(page, 'Skip for now').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The way back: the step the parent was on, with its heading focused.
    await button(page, 'Back to setting up').click();
    const timesHeading = heading(page, 'When is family time?');
    await timesHeading.waitFor();
    expect(await hasFocus(timesHeading)).toBe(true);
    await button(page, 'Skip for now').click();
    await note.waitFor();
    expect(await note.evaluate((el) => el === document.activeElement)).toBe(true);

    // Nothing is timed: the tab stays until the parent closes it.
    expect(page.isClosed()).toBe(false);
    // The button closes its own page, so nothing may wait on the click itself (a click
    // that is still settling when the page goes fails as "target closed"): the press is
    // queued in the page, the call returns, and the test waits for the close.
    const closed = page.waitForEvent('close');
    await button(page, 'Close this tab').focus();
    await page.evaluate(() => setTimeout(() => (document.activeElement as HTMLElement).click(), 0));
    await closed;

    const view = await ask<SettingsView>(hearth, { type: 'settings' });
    expect(view.settings).toEqual(DEFAULTS);
    expect(view.problems).toEqual([]);
  });
});
