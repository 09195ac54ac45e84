// Prompts that fit the moment, in real Chromium, tried as a parent would: a custom
// window late in the evening, a lunch call with a friend chosen in the window form by
// keyboard, and the children's ages ticked in the options page. The browser runs in a
// time zone where it is 9 pm now, so "late in the evening" needs no waiting.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { PROMPT_LIBRARY } from '../../src/core/promptLibrary';
import { promptMessageKey, type PromptMeta } from '../../src/core/prompts';
import { POPUP, launch, type Hearth } from './harness';
import { ask, wallTimeIn, zoneWhereItIs } from './helpers';

const OPTIONS = 'src/ui/options/index.html';
const exact = { exact: true } as const;
const english = messages as Record<string, { message: string }>;
const textOf = (p: PromptMeta) => english[promptMessageKey(p.id)]!.message;

/** A zone in which it is 21:xx now. */
const ZONE = zoneWhereItIs(21);

/** "HH:MM" in the browser's zone, `minutes` from now. */
const wallIn = (minutes: number) => wallTimeIn(ZONE, Date.now() + minutes * 60_000);

let hearth: Hearth;

beforeAll(async () => {
  hearth = await launch(undefined, { env: { TZ: ZONE } });
});
afterAll(async () => {
  await hearth?.close();
});

/** One window of `kind`, on now until half an hour from now (it never crosses midnight at 9 pm). */
async function onlyWindow(label: string, kind: string) {
  const window = { id: 'now', label, kind, days: [0, 1, 2, 3, 4, 5, 6], start: wallIn(-1), end: wallIn(30), endDayOffset: 0, paused: false };
  expect(await ask(hearth, { type: 'saveSchedule', schedule: { windows: [window], blocks: [], skips: [] } })).toMatchObject({ ok: true });
}

/** The library prompt the popup leads with, found by its words. */
async function popupPrompt(): Promise<PromptMeta | undefined> {
  const popup = await hearth.open(POPUP);
  const section = popup.getByRole('region', { name: 'For this moment', ...exact });
  await section.waitFor();
  const text = (await section.locator('p').first().textContent()) ?? '';
  await popup.close();
  return PROMPT_LIBRARY.find((p) => textOf(p) === text);
}

/** `count` prompts the popup offers, one after another, as a parent pressing "Another" sees them. */
async function offered(count: number): Promise<PromptMeta[]> {
  const popup = await hearth.open(POPUP);
  const section = popup.getByRole('region', { name: 'For this moment', ...exact });
  await section.waitFor();
  const text = section.locator('p').first();
  const shown: PromptMeta[] = [];
  for (let i = 0; i < count; i++) {
    const words = (await text.textContent()) ?? '';
    shown.push(PROMPT_LIBRARY.find((p) => textOf(p) === words)!);
    await section.getByRole('button', { name: 'Another', ...exact }).press('Enter');
    await expect.poll(() => text.textContent()).not.toBe(words);
  }
  await popup.close();
  return shown;
}

describe('prompts that fit the moment', () => {
  test('"Story time", a custom window at 9 pm, offers wind-down prompts, never the school run', async () => {
    // The browser's own clock reads 21:xx (or 22:00, a minute on).
    expect(await (await hearth.worker()).evaluate(() => new Date().getHours())).toBeGreaterThanOrEqual(21);
    await onlyWindow('Story time', 'custom');
    const lead = await popupPrompt();
    expect(lead, 'the popup leads with a library prompt').toBeDefined();
    for (const p of [lead!, ...(await offered(12))]) {
      expect(p.id).not.toBe('focus-school-run-question');
      expect(p.moments.some((m) => m === 'bedtime' || m === 'focus' || m === 'any'), p.id).toBe(true);
      expect(p.times === undefined || p.times.includes('night'), `${p.id} suits the night`).toBe(true);
    }
  });

  test('a lunch call with a friend, chosen in the window form by keyboard, offers connection prompts', async () => {
    const page = await hearth.open(OPTIONS);
    const family = page.getByRole('region', { name: 'Family time', ...exact });
    await family.getByRole('button', { name: 'Add a window', ...exact }).click();
    const add = family.getByRole('form', { name: 'Add a window', ...exact });
    await add.getByRole('textbox', { name: 'Name', ...exact }).fill('Lunch call with a friend');
    const kind = add.getByRole('combobox', { name: 'Kind of time', ...exact });
    await kind.focus();
    await page.keyboard.type('Time');
    expect(await kind.inputValue()).toBe('connection');
    await add.getByLabel('Starts at', exact).fill(wallIn(-1));
    await add.getByLabel('Ends at', exact).fill(wallIn(30));
    await add.getByRole('button', { name: 'Save', ...exact }).click();
    await expect.poll(() => add.count()).toBe(0);
    await page.close();

    // The new window is on now, with Story time gone: the popup leads with reaching out.
    const { settings } = await ask<{ settings: { schedule: { windows: { label: string }[] } } }>(hearth, { type: 'settings' });
    const lunch = settings.schedule.windows.filter((w) => w.label === 'Lunch call with a friend');
    expect(await ask(hearth, { type: 'saveSchedule', schedule: { windows: lunch, blocks: [], skips: [] } })).toMatchObject({ ok: true });
    const lead = await popupPrompt();
    expect(lead?.kind).toBe('connection');
    const more = await offered(8);
    for (const p of more) expect(p.kind, p.id).toBe('connection');
    expect([lead!, ...more].some((p) => p.moments.includes('connection')), 'some written for time with friends').toBe(true);
  });

  test('the ages ticked under "Your children" change what is offered', async () => {
    await onlyWindow('Bedtime', 'bedtime');
    const page = await hearth.open(OPTIONS);
    const children = page.getByRole('region', { name: 'Your children', ...exact });
    const ages = children.getByRole('group', { name: 'Their ages, so prompts suit them', ...exact });
    const tick = async (name: string, on: boolean) => {
      await ages.getByRole('checkbox', { name, ...exact }).setChecked(on);
      await expect.poll(() => children.getByRole('status').textContent()).toBe('Saved.');
    };

    // A bedtime's prompts come round in a rotation of about thirty, so forty see every one.
    await tick('Teenagers (13 and up)', true);
    const forTeens = await offered(40);
    expect(forTeens.map((p) => p.id)).toContain('bedtime-teen-chat');
    for (const p of forTeens) expect(p.ages === undefined || p.ages.includes('teen'), p.id).toBe(true);

    await tick('Teenagers (13 and up)', false);
    await tick('Babies (under 2)', true);
    const forBabies = await offered(40);
    expect(forBabies.map((p) => p.id)).not.toContain('bedtime-teen-chat');
    for (const p of forBabies) expect(p.ages === undefined || p.ages.includes('baby'), p.id).toBe(true);
    await page.close();
  });
});
