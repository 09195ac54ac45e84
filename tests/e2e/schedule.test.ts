// The options page's schedule editor in real Chromium, driven as a parent would, by
// role and accessible name only: add an overnight window, skip its next night (seen in
// the list and in the week view), rename, pause and resume, a form with no days that
// saves nothing, a one-off time, and delete. The worker's own answer is checked after
// each change, since what counts is what it stored.
//
// The test runs at whatever time it is, so the skip button may say "Skip tonight",
// "Skip today", "Skip this one" or "Skip the next one"; its accessible name adds the
// window's name ("Skip tonight: Dinner"), so each window's button is found on its own.
// The window runs every night, so its skipped night always shows somewhere in this week.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { BoundaryWindow } from '../../src/core/types';
import type { SaveResult, SettingsView } from '../../src/messages';
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
const section = () => page.getByRole('region', { name: 'Family time', ...exact });
const status = () => section().getByRole('status').textContent();
const windows = () => section().getByRole('list', { name: 'Your windows', ...exact });
const item = (name: string) => windows().getByRole('listitem', { name, ...exact });
const button = (name: string | RegExp) => section().getByRole('button', { name, ...(typeof name === 'string' ? exact : {}) });
const form = (name: string) => section().getByRole('form', { name, ...exact });
const week = () => section().getByRole('list', { name: 'This week', ...exact });
const isFocused = (locator: ReturnType<Page['getByRole']>) => locator.evaluate((el) => el === document.activeElement);

const stored = async () => (await ask<SettingsView>(hearth, { type: 'settings' })).settings.schedule;
const storedWindow = async (label: string): Promise<BoundaryWindow | undefined> =>
  (await stored()).windows.find((w) => w.label === label);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Words as the page shows them, with each "HH:MM" read in either clock style the browser's
 * language may use: `said('18:00 – 19:30')` matches "6:00 PM – 7:30 PM" and "18:00 – 19:30".
 */
function said(text: string): RegExp {
  const parts = text.split(/(\d{2}:\d{2})/).map((part, i) => {
    if (i % 2 === 0) return escapeRegExp(part).replace(/ /g, '\\s*');
    const [h, m] = part.split(':').map(Number) as [number, number];
    const twelve = `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')}\\s?${h < 12 ? 'AM' : 'PM'}`;
    return `(?:${twelve}|${part}|${h}:${String(m).padStart(2, '0')})`;
  });
  return new RegExp(parts.join(''), 'i');
}

/** `said`, for the whole text and nothing else. */
const saidExactly = (text: string): RegExp => new RegExp(`^${said(text).source}$`, 'i');

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** The skip button of one window: "Skip tonight: Dinner", "Skip the next one: Late shift off". */
const SKIP = (label: string) => new RegExp(`^Skip (tonight|today|this one|the next one): ${escapeRegExp(label)}$`);

describe('the schedule editor', () => {
  test('lists the usual windows in plain words, above the work sites', async () => {
    await section().getByRole('heading', { level: 2, name: 'Family time', ...exact }).waitFor();
    await item('Dinner').waitFor();
    expect(await item('Dinner').textContent()).toMatch(said('Dinner · , Every day · , 18:00 – 19:30'));
    expect(await item('Bedtime routine').textContent()).toContain('Sunday to Thursday');
    expect(await item('Weekend').textContent()).toMatch(said('Saturday 00:00 – Monday 00:00'));
    await item('Dinner').getByRole('button', { name: 'Edit Dinner', ...exact }).waitFor();
    await item('Dinner').getByRole('button', { name: 'Pause Dinner', ...exact }).waitFor();
    await item('Dinner').getByRole('button', { name: 'Delete Dinner', ...exact }).waitFor();
    await item('Dinner').getByRole('button', { name: SKIP('Dinner') }).waitFor();
    // One skip button per window, each named for its own window.
    expect(await section().getByRole('button', { name: SKIP('Dinner') }).count()).toBe(1);
    expect(await section().getByRole('button', { name: SKIP('Weekend') }).count()).toBe(1);
    // Family time comes before the work sites on the page.
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.indexOf('Family time')).toBeLessThan(headings.indexOf('Work sites'));
  });

  test('the week view reads a day the weekend covers whole as "all day"', async () => {
    for (const day of ['Saturday', 'Sunday']) {
      const bars = week().getByRole('list', { name: new RegExp(`^${day}`) });
      expect(await bars.getByRole('listitem').filter({ hasText: 'Weekend' }).textContent()).toMatch(/^Weekend, all day( \(skipped\))?$/);
    }
  });

  test('adds an overnight window; "next day" shows by itself in the form and in the list', async () => {
    await button('Add a window').click();
    const add = form('Add a window');
    const name = add.getByRole('textbox', { name: 'Name', ...exact });
    expect(await isFocused(name)).toBe(true);
    await name.fill('Late shift off');
    for (const day of DAYS) {
      expect(await add.getByRole('button', { name: day, ...exact }).getAttribute('aria-pressed')).toBe('true');
    }
    await add.getByLabel('Starts at', exact).fill('22:00');
    // An end before the start runs on to the next day; a long one says how long, without holding anything up.
    await add.getByLabel('Ends at', exact).fill('21:00');
    const long = add.getByText('This runs 23 hours, into the next day.', exact);
    await long.waitFor();
    expect(await add.getByLabel('Ends at', exact).getAttribute('aria-describedby')).toContain(await long.getAttribute('id'));
    expect(await add.getByRole('combobox', { name: 'Ends on', ...exact }).inputValue()).toBe('1');
    await add.getByLabel('Ends at', exact).fill('06:30');
    await add.getByText('Ends the next day', exact).waitFor();
    expect(await long.count()).toBe(0);
    expect(await add.getByRole('combobox', { name: 'Ends on', ...exact }).inputValue()).toBe('1');
    await add.getByRole('button', { name: 'Save', ...exact }).click();

    // The saved sentence states the times, so a mistaken end would show at once.
    await expect.poll(status, soon).toMatch(saidExactly('Late shift off saved: 22:00 – 06:30 next day.'));
    expect(await form('Add a window').count()).toBe(0);
    expect(await item('Late shift off').textContent()).toMatch(said('Every day · , 22:00 – 06:30 next day'));
    expect(await isFocused(button('Add a window'))).toBe(true);
    expect(await storedWindow('Late shift off')).toMatchObject({
      kind: 'custom', days: [0, 1, 2, 3, 4, 5, 6], start: '22:00', end: '06:30', endDayOffset: 1, paused: false,
    });
  });

  test('Escape leaves the form as Cancel does: nothing saved, focus back on the button that opened it', async () => {
    const before = await stored();
    await button('Add a window').click();
    await form('Add a window').getByRole('textbox', { name: 'Name', ...exact }).fill('Never saved');
    await page.keyboard.press('Escape');
    await expect.poll(() => form('Add a window').count()).toBe(0);
    expect(await isFocused(button('Add a window'))).toBe(true);
    expect(await stored()).toEqual(before);
  });

  test('a form with no days, or with no time between start and end, says what to change and saves nothing', async () => {
    const before = await stored();
    await button('Add a window').click();
    const add = form('Add a window');
    await add.getByRole('textbox', { name: 'Name', ...exact }).fill('Story time');
    await add.getByRole('button', { name: 'Weekends', ...exact }).click();
    await add.getByRole('button', { name: 'Saturday', ...exact }).click();
    await add.getByRole('button', { name: 'Sunday', ...exact }).click();
    expect(await add.getByRole('button', { name: 'Sunday', ...exact }).getAttribute('aria-pressed')).toBe('false');
    await add.getByRole('button', { name: 'Save', ...exact }).click();

    const message = add.getByText('Pick at least one day.', exact);
    await message.waitFor();
    const monday = add.getByRole('button', { name: 'Monday', ...exact });
    expect(await isFocused(monday)).toBe(true);
    expect(await monday.getAttribute('aria-describedby')).toContain(await message.getAttribute('id'));
    expect(await add.getByRole('group', { name: 'Days', ...exact }).getAttribute('aria-describedby')).toBe(await message.getAttribute('id'));

    // Days picked; now the same start and end on the same day.
    await add.getByRole('button', { name: 'Every day', ...exact }).click();
    expect(await message.count()).toBe(0);
    await add.getByLabel('Starts at', exact).fill('09:00');
    await add.getByLabel('Ends at', exact).fill('09:00');
    await add.getByRole('combobox', { name: 'Ends on', ...exact }).selectOption({ label: 'Same day' });
    await add.getByRole('button', { name: 'Save', ...exact }).click();
    const end = add.getByLabel('Ends at', exact);
    await expect.poll(() => end.getAttribute('aria-invalid'), soon).toBe('true');
    const described = await end.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toMatch(/^This starts and ends at the same time on the same day\./);
    expect(await isFocused(end)).toBe(true);

    expect(await stored()).toEqual(before);
    await add.getByRole('button', { name: 'Cancel', ...exact }).click();
    expect(await form('Add a window').count()).toBe(0);
    expect(await isFocused(button('Add a window'))).toBe(true);
    expect(await item('Story time').count()).toBe(0);
  });

  test('skips the next night: marked in the list and the week view, and stored by the worker', async () => {
    const late = item('Late shift off');
    await late.getByRole('button', { name: SKIP('Late shift off') }).click();
    await expect.poll(status, soon).toMatch(/^(Skipped (tonight's|today's) Late shift off\.|Late shift off skipped this time\.|Skipped Late shift off on \w+\.)$/);
    await late.getByText(/^Skipped (tonight|today|on \w+)$/).waitFor();
    const undo = late.getByRole('button', { name: 'Undo skip: Late shift off', ...exact });
    expect(await isFocused(undo)).toBe(true);

    const bars = week().getByRole('listitem').filter({ hasText: 'Late shift off' });
    await expect.poll(() => bars.filter({ hasText: '(skipped)' }).count(), soon).toBeGreaterThan(0);

    const w = await storedWindow('Late shift off');
    const skips = (await stored()).skips.filter((k) => k.windowId === w?.id);
    expect(skips).toHaveLength(1);
    expect(skips[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Undo brings it back; skip it again for the rest of the test.
    await undo.click();
    await expect.poll(status, soon).toMatch(/^Late shift off is back on for /);
    expect((await stored()).skips.filter((k) => k.windowId === w?.id)).toEqual([]);
    expect(await bars.filter({ hasText: '(skipped)' }).count()).toBe(0);
    await late.getByRole('button', { name: SKIP('Late shift off') }).click();
    await late.getByRole('button', { name: 'Undo skip: Late shift off', ...exact }).waitFor();
    expect((await stored()).skips.filter((k) => k.windowId === w?.id)).toEqual(skips);
  });

  test('renames the window in the same form; its skip stays with it', async () => {
    const id = (await storedWindow('Late shift off'))?.id;
    await button('Edit Late shift off').click();
    const edit = form('Change Late shift off');
    const name = edit.getByRole('textbox', { name: 'Name', ...exact });
    expect(await name.inputValue()).toBe('Late shift off');
    expect(await isFocused(name)).toBe(true);
    await edit.getByText('Ends the next day', exact).waitFor();
    await name.fill('Night shift off');
    await edit.getByRole('button', { name: 'Save', ...exact }).click();

    await expect.poll(status, soon).toMatch(saidExactly('Night shift off saved: 22:00 – 06:30 next day.'));
    expect(await item('Late shift off').count()).toBe(0);
    expect(await isFocused(button('Edit Night shift off'))).toBe(true);
    const w = await storedWindow('Night shift off');
    expect(w).toMatchObject({ id, start: '22:00', end: '06:30', endDayOffset: 1 });
    expect((await stored()).skips.filter((k) => k.windowId === id)).toHaveLength(1);
  });

  test('pauses and resumes; a paused window leaves the week view', async () => {
    await button('Pause Night shift off').click();
    await expect.poll(status, soon).toBe('Night shift off paused.');
    const resume = button('Resume Night shift off');
    expect(await isFocused(resume)).toBe(true);
    await item('Night shift off').getByText(/^Paused\./).waitFor();
    expect(await week().getByRole('listitem').filter({ hasText: 'Night shift off' }).count()).toBe(0);
    expect((await storedWindow('Night shift off'))?.paused).toBe(true);

    await resume.click();
    await expect.poll(status, soon).toBe('Night shift off resumed.');
    await button('Pause Night shift off').waitFor();
    expect(await week().getByRole('listitem').filter({ hasText: 'Night shift off' }).count()).toBeGreaterThan(0);
    expect((await storedWindow('Night shift off'))?.paused).toBe(false);
  });

  test('adds a one-off time for a date, shown with its date and time, and deletes it', async () => {
    const add = form('Add a one-off time');
    await add.getByRole('textbox', { name: 'Name', ...exact }).fill("Maya's birthday");
    const date = await page.evaluate(() => {
      const d = new Date(Date.now() + 2 * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await add.getByLabel('Date', exact).fill(date);
    await add.getByLabel('Starts at', exact).fill('14:00');
    await add.getByLabel('Ends at', exact).fill('18:00');
    await add.getByRole('button', { name: 'Add this time', ...exact }).click();
    await expect.poll(status, soon).toBe("Maya's birthday added.");

    const list = section().getByRole('list', { name: 'One-off times', ...exact });
    const birthday = list.getByRole('listitem', { name: "Maya's birthday", ...exact });
    expect(await birthday.textContent()).toMatch(said('14:00 – 18:00'));
    const block = (await stored()).blocks.find((b) => b.label === "Maya's birthday");
    const local = await page.evaluate(([d]) => [new Date(`${d}T14:00`).getTime(), new Date(`${d}T18:00`).getTime()], [date]);
    expect([block?.start, block?.end]).toEqual(local);

    // Named apart from a window that might share its name ("Delete Maya's birthday").
    const remove = birthday.getByRole('button', { name: "Delete Maya's birthday (one-off time)", ...exact });
    expect(await remove.textContent()).toBe("Delete Maya's birthday");
    await remove.click();
    await expect.poll(status, soon).toBe("Maya's birthday deleted.");
    expect((await stored()).blocks.some((b) => b.label === "Maya's birthday")).toBe(false);
  });

  test('shows a change made elsewhere once another section says settings changed', async () => {
    const schedule = await stored();
    const extra: BoundaryWindow = {
      id: 'story', label: 'Story time', kind: 'bedtime', days: [5], start: '19:00', end: '19:30', endDayOffset: 0, paused: false,
    };
    const saved = await ask<SaveResult>(hearth, { type: 'saveSchedule', schedule: { ...schedule, windows: [...schedule.windows, extra] } });
    expect(saved.ok).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('hearth:settings-changed')));
    await item('Story time').waitFor();
    expect(await item('Story time').textContent()).toMatch(said('Friday · , 19:00 – 19:30'));
  });

  test('deletes the window, and its skip with it', async () => {
    const id = (await storedWindow('Night shift off'))?.id;
    await button('Delete Night shift off').click();
    await expect.poll(status, soon).toBe('Night shift off deleted.');
    expect(await item('Night shift off').count()).toBe(0);
    expect(await week().getByRole('listitem').filter({ hasText: 'Night shift off' }).count()).toBe(0);
    const schedule = await stored();
    expect(schedule.windows.some((w) => w.id === id)).toBe(false);
    expect(schedule.skips.some((k) => k.windowId === id)).toBe(false);
    // Focus moved on to the next window's first button rather than being lost.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Edit Story time');
  });
});
