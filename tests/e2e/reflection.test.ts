// The reflection page in real Chromium, after a real boundary: a 3-second Dinner
// block comes on and ends by itself, a focus block is ended early, and the page
// shows the time kept (under a minute: "Less than a minute"), a chart with an
// accessible name and a label on every bar, the early ending as a plain fact,
// saves the history as a JSON file, and deletes it after asking once, in place.
// Everything is found by role and accessible name, as a parent's assistive tech would.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeText, eventually, launch, type Hearth } from './harness';
import { ask, axeViolations, setBlocks, sleep, storedRecords } from './helpers';

const REFLECTION = 'src/ui/reflection/index.html';

interface StoredEvent {
  type: string;
  label: string;
  at: number;
  detail?: string;
}
interface Exported {
  format: string;
  version: number;
  exportedAt: string;
  events: StoredEvent[];
  thoughts: unknown[];
}

let hearth: Hearth;
let dinner: { start: number; end: number };

/** Every history event, read straight from the extension's database. */
async function storedEvents(): Promise<StoredEvent[]> {
  const page = await hearth.open('icons/icon-16.png');
  const events = await storedRecords<StoredEvent>(page, 'events');
  await page.close();
  return events;
}

/** No boundary on record as applied: every start and end so far is in history. */
async function transitionsRecorded(): Promise<boolean> {
  const worker = await hearth.worker();
  return worker.evaluate(async () => {
    const { applied } = await chrome.storage.local.get('applied');
    return !Array.isArray(applied) || applied.length === 0;
  });
}

beforeAll(async () => {
  hearth = await launch();
  // Whatever a default window did before the test is set aside: no family time on,
  // every start and end recorded, then an empty history.
  await setBlocks(hearth, []);
  expect(await eventually(() => badgeText(hearth), '', 10_000)).toBe('');
  expect(await eventually(transitionsRecorded, true, 10_000)).toBe(true);
  const page = await hearth.open('icons/icon-16.png');
  await page.evaluate(async () => {
    // Not made yet: nothing to clear (opening it here would make an empty one).
    if (!(await indexedDB.databases()).some((d) => d.name === 'hearth')) return;
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('hearth');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction(['events', 'thoughts'], 'readwrite');
        tx.objectStore('events').clear();
        tx.objectStore('thoughts').clear();
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
    });
  });
  await page.close();

  // A real, short boundary: Dinner from now for 3 seconds, ending by itself.
  const now = Date.now();
  dinner = { start: now, end: now + 3000 };
  await setBlocks(hearth, [{ id: 'e2e-dinner', label: 'Dinner', ...dinner }]);
  expect(await eventually(() => badgeText(hearth), 'on', 5_000)).toBe('on');
  expect(await eventually(() => badgeText(hearth), '', 10_000)).toBe('');
  expect(await eventually(transitionsRecorded, true, 10_000)).toBe(true);

  // A focus block ended early after a second: a plain fact for the page to list.
  await ask(hearth, { type: 'startFocus', minutes: 30 });
  expect(await badgeText(hearth)).toBe('on');
  await sleep(1000);
  await ask(hearth, { type: 'endNow' });
  expect(await badgeText(hearth)).toBe('');
});

afterAll(async () => {
  await hearth?.close();
});

describe('the reflection page', () => {
  let page: Page;
  const exact = { exact: true } as const;
  const button = (name: string) => page.getByRole('button', { name, ...exact });
  const hasFocus = (locator: ReturnType<Page['getByRole']>) => locator.evaluate((el) => el === document.activeElement);
  const chart = (days: 7 | 30) => page.getByRole('group', { name: `Family time, last ${days} days`, ...exact });
  /** Each bar's name as a screen reader is given it. */
  const barNames = async (days: 7 | 30) => {
    const tree = await chart(days).ariaSnapshot();
    // Lines such as `- 'img "Friday, November 27: no family time"'` (YAML, quoted when needed).
    const lines = tree.split('\n').map((line) => line.replace(/^\s*- /, '').replace(/^'(.*)'$/, (_, q: string) => q.replace(/''/g, "'")));
    return lines.flatMap((line) => /^img "(.*)"$/.exec(line)?.[1] ?? []);
  };

  test('history holds the Dinner that just ran, from its start to its end', async () => {
    const dinnerEvents = (await storedEvents()).filter((e) => e.label === 'Dinner');
    expect(dinnerEvents.map((e) => [e.type, e.at]).sort()).toEqual(
      [
        ['boundary-end', dinner.end],
        ['boundary-start', dinner.start],
      ].sort(),
    );
  });

  test('leads with the time kept, rounded plainly: under a minute is "Less than a minute"', async () => {
    page = await hearth.open(REFLECTION);
    expect(await page.title()).toBe('Hearth — your family time');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Your family time' }).count()).toBe(1);
    // 3 s of Dinner and about 1 s of the focus block: about 4 seconds this week and month.
    await expect.poll(() => page.getByText('Less than a minute of family time this week', exact).count()).toBe(1);
    expect(await page.getByText('This month: less than a minute', exact).count()).toBe(1);
    // Chromium's block holds what a site's background worker sends, uncounted: said so.
    expect(await page.getByText(/background worker sends is held back too/).count()).toBe(1);
  });

  test('draws the last 7 days as a chart with a name, a label on every bar and a table of the same numbers', async () => {
    expect(await chart(7).count()).toBe(1);
    const names = await barNames(7);
    expect(names).toHaveLength(7);
    // Today holds the time; the six days before had none recorded.
    expect(names.at(-1)).toMatch(/^Today, \w+day\b.*\d.*: less than a minute$/);
    expect(names.slice(0, 6).every((n) => /^(?!Today)\w+day\b.*\d.*: no family time$/.test(n))).toBe(true);

    const table = page.getByRole('table', { name: 'Family time, last 7 days', ...exact });
    expect(await table.getByRole('row').count()).toBe(8); // a header and 7 days
    const todayRow = table.getByRole('row', { name: /^Today, / });
    expect(await todayRow.getByRole('cell').textContent()).toBe('less than a minute');
  });

  test('switches to 30 days from the keyboard, and says which range is shown', async () => {
    const week = button('Last 7 days');
    const month = button('Last 30 days');
    expect(await week.getAttribute('aria-pressed')).toBe('true');
    await week.focus();
    await page.keyboard.press('Tab');
    expect(await month.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => month.getAttribute('aria-pressed')).toBe('true');
    expect(await week.getAttribute('aria-pressed')).toBe('false');
    expect(await chart(7).count()).toBe(0);
    const names = await barNames(30);
    expect(names).toHaveLength(30);
    expect(names.filter((n) => n.endsWith(': less than a minute'))).toHaveLength(1);
  });

  test('shows thoughts parked, favourite prompts and the early ending as a plain fact', async () => {
    const thoughts = page.getByRole('region', { name: 'Thoughts parked', ...exact });
    expect(await thoughts.getByRole('term').allTextContents()).toEqual(['This week', 'This month']);
    expect(await thoughts.getByRole('definition').allTextContents()).toEqual(['0', '0']);
    const favourites = page.getByRole('region', { name: 'Favourite prompts', ...exact });
    expect(await favourites.getByRole('definition').textContent()).toMatch(/^\d+$/);

    const facts = page.getByRole('list', { name: 'Ways through and early endings', ...exact });
    expect(await facts.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Focus block ended early today at \d{1,2}:\d{2}\s?(AM|PM)$/),
    ]);
  });

  test('has no WCAG A/AA problems axe can find, in light and in dark', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('"Export history" downloads a dated JSON document holding the Dinner', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), button('Export history').click()]);
    expect(download.suggestedFilename()).toMatch(/^hearth-history-\d{4}-\d{2}-\d{2}\.json$/);
    const doc = JSON.parse(await readFile(await download.path(), 'utf8')) as Exported;
    expect(doc).toMatchObject({ format: 'hearth-history', version: 1 });
    expect(Date.parse(doc.exportedAt)).toBeGreaterThanOrEqual(dinner.end);
    expect(doc.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'boundary-start', label: 'Dinner', at: dinner.start }),
        expect.objectContaining({ type: 'boundary-end', label: 'Dinner', at: dinner.end }),
        expect.objectContaining({ type: 'override', label: 'Focus block', detail: 'ended-early' }),
      ]),
    );
    expect(await page.getByRole('status').textContent()).toBe(
      `Your history is downloading as ${download.suggestedFilename()}.`,
    );
  });

  const CONFIRM =
    'This deletes every moment Hearth has kept on this device, and your parked thoughts. Your settings stay.';

  test('"Delete all history and parked thoughts" asks once, in place; "Keep it" and Escape keep everything', async () => {
    const before = (await storedEvents()).length;
    expect(before).toBeGreaterThan(0);
    const deleteButton = button('Delete all history and parked thoughts');
    await deleteButton.click();
    const sentence = page.getByText(CONFIRM, exact);
    await sentence.waitFor();
    // Focus on the choice that changes nothing; both choices carry the sentence.
    const keep = button('Keep it');
    const yes = button('Yes, delete it all');
    expect(await hasFocus(keep)).toBe(true);
    expect(await keep.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(CONFIRM);
    expect(await yes.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent)).toBe(CONFIRM);
    expect(await deleteButton.count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // "Keep it" by keyboard: the question goes, focus is back on the delete button.
    await page.keyboard.press('Enter');
    await deleteButton.waitFor();
    expect(await hasFocus(deleteButton)).toBe(true);
    expect(await sentence.count()).toBe(0);

    // Asked again, Escape keeps it too.
    await page.keyboard.press('Enter');
    await sentence.waitFor();
    expect(await hasFocus(keep)).toBe(true);
    await page.keyboard.press('Escape');
    await deleteButton.waitFor();
    expect(await hasFocus(deleteButton)).toBe(true);
    expect(await sentence.count()).toBe(0);
    expect(await page.getByRole('status').textContent()).toBe('');
    expect((await storedEvents()).length).toBe(before);
  });

  test('"Yes, delete it all" empties it, says so calmly, and keeps focus on the delete button', async () => {
    const deleteButton = button('Delete all history and parked thoughts');
    await deleteButton.click();
    await page.getByText(CONFIRM, exact).waitFor();
    await button('Yes, delete it all').click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('History deleted.');
    expect(await hasFocus(deleteButton)).toBe(true);
    expect(await page.getByText(CONFIRM, exact).count()).toBe(0);
    await expect.poll(() => page.getByText('No family time recorded yet this week', exact).count()).toBe(1);
    expect(await page.getByText('This month: none recorded yet', exact).count()).toBe(1);
    const names = await barNames(30);
    expect(names).toHaveLength(30);
    expect(names.every((n) => n.endsWith(': no family time'))).toBe(true);
    expect(await page.getByRole('list', { name: 'Ways through and early endings' }).count()).toBe(0);
    expect(await page.getByText('None in the last 30 days.', exact).count()).toBe(1);

    expect(await storedEvents()).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), button('Export history').click()]);
    expect((JSON.parse(await readFile(await download.path(), 'utf8')) as Exported).events).toEqual([]);
    await page.close();
  });
});
