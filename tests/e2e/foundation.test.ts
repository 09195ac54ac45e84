// The built extension in real Chromium: the worker starts, the popup tells where
// the parent stands, focus blocks come on and end by themselves, and a worker
// stopped mid-block wakes up to the right state.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { POPUP, badgeText, eventually, launch, type Hearth } from './harness';
import { storedRecords } from './helpers';

let hearth: Hearth;
beforeAll(async () => {
  hearth = await launch();
});
afterAll(async () => {
  await hearth?.close();
});

/** Replaces the schedule with only what the test names, through the real storage path. */
async function setSchedule(schedule: { windows?: unknown[]; blocks?: unknown[] }) {
  const worker = await hearth.worker();
  await worker.evaluate(async (s) => {
    const { settings } = await chrome.storage.local.get('settings');
    const base = (settings as Record<string, unknown> | undefined) ?? {};
    await chrome.storage.local.set({
      settings: { ...base, version: 2, schedule: { windows: [], blocks: [], skips: [], ...s } },
    });
  }, schedule);
}

describe('Hearth in Chromium', () => {
  test('the worker starts with the default schedule and the popup shows where the parent stands', async () => {
    const worker = await hearth.worker();
    expect(worker.url()).toContain(`chrome-extension://${hearth.id}/`);
    const page = await hearth.open(POPUP);
    const state = page.locator('#state');
    await expect.poll(() => state.textContent()).toMatch(/^(Family time|Work time)$/);
    // Default windows cover every day, so something is always either on or next.
    const detail = await page.locator('.status p').first().textContent();
    expect(detail).toMatch(/until|Next:/);
    await page.close();
  });

  test('a 1-minute focus block comes on, survives a stopped worker, and ends by itself', async () => {
    await setSchedule({});
    await expect.poll(() => badgeText(hearth)).toBe('');

    const page = await hearth.open(POPUP);
    await expect.poll(() => page.locator('#state').textContent()).toBe('Work time');
    await page.getByLabel('Other length (minutes)').fill('1');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => page.locator('#state').textContent()).toBe('Family time');
    await expect(page.getByText(/Focus block, until/).textContent()).resolves.toBeTruthy();
    expect(await badgeText(hearth)).toBe('on');
    await page.close();

    // MV3 stops idle workers; the alarm must still end the block and repair the badge.
    await hearth.stopWorker();
    expect(hearth.isRunning()).toBe(false);
    // Woken early (through a page), the worker shows the block still on.
    expect(await badgeText(hearth)).toBe('on');

    // Stopped again, nothing but the block's own alarm wakes it, one minute after the start.
    await hearth.stopWorker();
    await hearth.nextStart(75_000);
    // Started for the end (or, on a loaded machine, a moment before it): the badge clears by the end.
    expect(await eventually(() => badgeText(hearth), '', 30_000)).toBe('');
    const after = await hearth.open(POPUP);
    await expect.poll(() => after.locator('#state').textContent()).toBe('Work time');
    await after.close();
  });

  test('a block planned a few seconds ahead comes on by itself, with no popup open', async () => {
    const now = Date.now();
    await setSchedule({ blocks: [{ id: 'soon', label: "Maya's birthday", start: now + 4000, end: now + 9000 }] });
    expect(await badgeText(hearth)).toBe('');
    const worker = await hearth.worker();
    const title = () => worker.evaluate(() => chrome.action.getTitle({}));
    expect(await eventually(() => badgeText(hearth), 'on', 10_000)).toBe('on');
    expect(await title()).toMatch(/Maya's birthday/);
    expect(await eventually(() => badgeText(hearth), '', 10_000)).toBe('');
  });

  test('ending family time early is a plain override, said in the status card and logged without judgement', async () => {
    await setSchedule({});
    const startedAt = Date.now();
    const page = await hearth.open(POPUP);
    await page.getByRole('button', { name: '15 minutes' }).click();
    await expect.poll(() => page.locator('#state').textContent()).toBe('Family time');
    // From the keyboard: the End button goes, and focus does not go with it.
    await page.getByRole('button', { name: 'End family time now' }).focus();
    await page.keyboard.press('Enter');
    // The confirmation is where the parent is looking, said politely: in the status card.
    const card = page.getByRole('region', { name: 'Work time', exact: true });
    await expect.poll(() => card.getByRole('status').textContent()).toBe('Family time ended for now. Welcome back.');
    expect(await page.getByText('Family time ended for now. Welcome back.').count()).toBe(1);
    const heading = card.getByRole('heading', { name: 'Work time', exact: true });
    expect(await heading.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await badgeText(hearth)).toBe('');

    // The override sits in history as a fact with the focus block's start and end.
    const events = await storedRecords<{ type: string; label: string; at: number; detail?: string }>(page, 'events');
    const types = events
      .filter((e) => e.label === 'Focus block' && e.at >= startedAt)
      .map((e) => e.type)
      .sort();
    expect(types).toEqual(['boundary-end', 'boundary-start', 'override']);
    await page.close();
  });
});
