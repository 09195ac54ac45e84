// Let-through names in real Chromium, on the fixture work chat: during family time a
// notification naming "School office" is shown by Hearth (named for the site, as plain
// text), one from "Sam" is held, a flood gives a handful, and nothing of the words is
// kept anywhere afterwards. Hearth's notifications are read by wrapping the worker's own
// notifications.create, since a headless browser shows them to no one.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { serveFixtures, type FixtureServer } from '../fixtures/server';
import { launch, type Hearth } from './harness';
import { profileAllowingNotifications } from './profile';
import { ask, openChat, quietFixtureOnly, storedRecords } from './helpers';

let site: FixtureServer;
let hearth: Hearth;
let worker: Worker;

interface Shown {
  id: string;
  title: string;
  message: string;
}

beforeAll(async () => {
  site = await serveFixtures();
  // The parent allowed the work chat's notifications before.
  hearth = await launch(await profileAllowingNotifications(site.origin));
  await quietFixtureOnly(hearth, 'quiet');
  const added = await ask<{ ok: boolean }>(hearth, { type: 'addLetThrough', text: 'School office' });
  expect(added.ok).toBe(true);
  worker = await hearth.worker();
  await worker.evaluate(() => {
    const g = globalThis as unknown as { shown: Shown[] };
    g.shown = [];
    const notifications = chrome.notifications as unknown as { create: (...a: unknown[]) => unknown };
    const real = notifications.create.bind(chrome.notifications);
    notifications.create = (id: unknown, options: unknown, ...rest: unknown[]) => {
      const o = options as { title: string; message: string };
      g.shown.push({ id: String(id), title: o.title, message: o.message });
      return real(id, options, ...rest);
    };
  });
});

afterAll(async () => {
  await hearth?.close();
  await site?.close();
});

const shown = () => worker.evaluate(() => (globalThis as unknown as { shown: Shown[] }).shown);
const notify = (page: Page, title: string, body: string) =>
  page.evaluate(([t, b]) => void new Notification(t!, { body: b }), [title, body]);

describe('let-through names during family time', () => {
  let chat: Page;

  test('a notification naming one is shown by Hearth, named for the site; others are held', async () => {
    chat = await openChat(hearth, site, '/chat/let-through?every=60000');
    await ask(hearth, { type: 'startFocus', minutes: 30 });
    await expect.poll(() => chat.evaluate(() => Notification.toString().startsWith('function Notification('))).toBe(false);

    await notify(chat, 'Sam', 'lunch tomorrow?');
    await notify(chat, 'School office', 'Pick-up moved to 3 pm');
    await expect.poll(shown).toContainEqual({ id: expect.stringMatching(/^hearth-let-/), title: '127.0.0.1 — School office', message: 'Pick-up moved to 3 pm' });
    expect((await shown()).some((n) => /Sam|lunch/.test(n.title + n.message))).toBe(false);
  });

  test('markup in the words is shown as the text it is', async () => {
    const body = '<b>urgent</b><img src=x onerror="alert(1)"> from the school office';
    await notify(chat, 'Reminder', body);
    await expect.poll(async () => (await shown()).some((n) => n.message === body)).toBe(true);
  });

  test('a chat opened during family time reads its permission as the parent gave it, and its let-through words are heard', async () => {
    const late = await openChat(hearth, site, '/chat/let-through-late?every=60000');
    // Under Chromium's block a page that loads reads denied; the worker read the parent's own
    // choice as it set the block, and the stand-ins answer with it.
    await expect.poll(() => late.evaluate(() => Notification.permission)).toBe('granted');
    await notify(late, 'Sam', 'are you around?');
    await notify(late, 'School office', 'Bring the blue folder');
    await expect.poll(async () => (await shown()).some((n) => n.message === 'Bring the blue folder')).toBe(true);
    expect((await shown()).some((n) => /around/.test(n.message))).toBe(false);
    await late.close();
  });

  test('a flood of a hundred in a second gives a handful', async () => {
    const before = (await shown()).length;
    await chat.evaluate(() => {
      for (let i = 0; i < 100; i++) new Notification('School office', { body: `Message ${i}` });
    });
    // The summary says how many more there were: wait until it has counted what reached the worker.
    await expect.poll(async () => (await shown()).some((n) => n.id.includes('more'))).toBe(true);
    const flood = (await shown()).slice(before);
    expect(new Set(flood.map((n) => n.id)).size).toBeLessThanOrEqual(4);
  });

  test('nothing of the words is kept: not in storage, the sync area or the history', async () => {
    const stored = await worker.evaluate(async () =>
      JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null), await chrome.storage.sync.get(null)]),
    );
    expect(stored).not.toMatch(/Pick-up|lunch|onerror|Message \d/);
    const page = await hearth.open('src/ui/reflection/index.html');
    const events = await storedRecords<{ type: string; detail?: string }>(page, 'events');
    expect(JSON.stringify(events)).not.toMatch(/Pick-up|lunch|onerror|Message \d/);
    expect(events.filter((e) => e.type === 'let-through').every((e) => e.detail === 'School office')).toBe(true);
    // Reflection says so as a plain fact.
    await page.getByText(/^Let through during family time this week: \d+ \(School office\)$/).waitFor();
  });
});

describe('the let-through list, as a parent edits it', () => {
  const exact = { exact: true } as const;

  test('in settings: a suggestion to edit, a sentence under the field for what cannot be kept, and removal', async () => {
    const page = await hearth.open('src/ui/options/index.html');
    const section = page.getByRole('region', { name: 'Always let these through', ...exact });
    const field = section.getByRole('textbox', { name: 'A name or word', ...exact });
    const list = section.getByRole('list', { name: 'Coming through during family time', ...exact });
    await list.getByRole('listitem').filter({ hasText: 'School office, from any work site' }).waitFor();

    // A suggestion fills the field, to be changed before it is added.
    await section.getByRole('button', { name: 'Use Nursery', ...exact }).click();
    expect(await field.inputValue()).toBe('Nursery');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('Little Acorns nursery');
    await section.getByRole('combobox', { name: 'From', ...exact }).selectOption({ label: '127.0.0.1' });
    await section.getByRole('button', { name: 'Let it through', ...exact }).click();
    await list.getByRole('listitem').filter({ hasText: 'Little Acorns nursery, from 127.0.0.1' }).waitFor();
    expect(await section.getByRole('status').textContent()).toBe('Little Acorns nursery will come through.');

    // What cannot be kept is said under the field, tied to it; the text stays.
    await field.fill('  school OFFICE ');
    await section.getByRole('button', { name: 'Let it through', ...exact }).click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    const error = page.locator(`#${await field.getAttribute('aria-describedby')}`);
    expect(await error.textContent()).toBe('school OFFICE is already on the list.');
    await field.fill('');
    await section.getByRole('button', { name: 'Let it through', ...exact }).click();
    await expect.poll(() => error.textContent()).toBe('Type a name or a word, like School office.');

    await section.getByRole('button', { name: 'Remove Little Acorns nursery', ...exact }).click();
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await page.close();
  });

  test('in the welcome: the usual names as toggles, on and off at once', async () => {
    const page = await hearth.open('src/ui/onboarding/index.html');
    // The last step, by the parent's own Next presses.
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Next', ...exact }).click();
    const group = page.getByRole('group', { name: /^Who may always reach you\?/ });
    const school = group.getByRole('button', { name: 'School office', ...exact });
    expect(await school.getAttribute('aria-pressed')).toBe('true');
    const childminder = group.getByRole('button', { name: 'Childminder', ...exact });
    await childminder.click();
    await expect.poll(() => childminder.getAttribute('aria-pressed')).toBe('true');
    const { rules } = await ask<{ rules: { text: string }[] }>(hearth, { type: 'letThrough' });
    expect(rules.map((r) => r.text)).toEqual(['School office', 'Childminder']);
    await childminder.click();
    await expect.poll(() => childminder.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });
});
