// Gentle moments in real Chromium: a prompt that fits the moment, a parked
// thought that waits out family time (and a worker restart), and the calm
// heads-up before a window.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { PROMPT_LIBRARY } from '../../src/core/promptLibrary';
import { promptMessageKey } from '../../src/core/prompts';
import { POPUP, launch, type Hearth } from './harness';
import { ask } from './helpers';

const english = messages as Record<string, { message: string }>;

let hearth: Hearth;

beforeAll(async () => {
  hearth = await launch();
});
afterAll(async () => {
  await hearth?.close();
});

const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

/** Saves the schedule (and preferences) through the worker, as the options page does. */
async function setSettings(patch: { windows?: unknown[]; blocks?: unknown[]; preferences?: Record<string, unknown> }) {
  const { settings } = await ask<{ settings: { preferences: Record<string, unknown> } }>(hearth, { type: 'settings' });
  if (patch.preferences) {
    const prefs = await ask(hearth, { type: 'savePreferences', preferences: { ...settings.preferences, ...patch.preferences } });
    expect(prefs).toMatchObject({ ok: true });
  }
  const saved = await ask<{ ok: boolean; problems?: string[] }>(hearth, {
    type: 'saveSchedule',
    schedule: { windows: patch.windows ?? [], blocks: patch.blocks ?? [], skips: [] },
  });
  expect(saved).toMatchObject({ ok: true });
}

const notifications = async () => Object.keys(await (await hearth.worker()).evaluate(() => chrome.notifications.getAll()));

/** A dinner window that is on now, whatever the time of day. */
async function dinnerNow() {
  const start = new Date(Date.now() - 60_000);
  const end = new Date(Date.now() + 30 * 60_000);
  const overnight = end.getDate() !== start.getDate() ? 1 : 0;
  await setSettings({
    windows: [{ id: 'dinner', label: 'Dinner', kind: 'dinner', days: [0, 1, 2, 3, 4, 5, 6], start: hhmm(start), end: hhmm(end), endDayOffset: overnight, paused: false }],
  });
}

describe('gentle moments', () => {
  test('during dinner the popup leads with a prompt for dinner', async () => {
    await dinnerNow();
    const popup = await hearth.open(POPUP);
    const section = popup.getByRole('region', { name: 'For this moment' });
    await expect.poll(() => section.count()).toBe(1);
    const text = section.locator('p').first();

    // Every prompt offered during dinner, one after another, is one written for dinner (or any moment).
    for (let i = 0; i < 12; i++) {
      const words = (await text.textContent()) ?? '';
      const meta = PROMPT_LIBRARY.find((p) => english[promptMessageKey(p.id)]?.message === words);
      expect(meta?.moments.some((m) => m === 'dinner' || m === 'any'), words).toBe(true);
      await section.getByRole('button', { name: 'Another', exact: true }).press('Enter');
      await expect.poll(() => text.textContent()).not.toBe(words);
    }
    await popup.close();
  });

  test('a prompt hidden by a slip comes back with one key, as it was, a favourite still', async () => {
    await dinnerNow();
    const popup = await hearth.open(POPUP);
    const section = popup.getByRole('region', { name: 'For this moment' });
    const text = section.locator('p.prompt-text');
    await expect.poll(() => text.textContent()).not.toBe('');
    const words = (await text.textContent())!;
    const id = PROMPT_LIBRARY.find((p) => english[promptMessageKey(p.id)]?.message === words)!.id;
    const stored = () => popup.evaluate(async () => (await chrome.storage.local.get('prompts')).prompts as { hidden: string[]; favourites: string[] } | undefined);
    const keep = section.getByRole('button', { name: 'Keep as favourite', exact: true });
    await keep.press('Enter');
    await expect.poll(() => keep.getAttribute('aria-pressed')).toBe('true');

    await section.getByRole('button', { name: 'Hide this one', exact: true }).press('Enter');
    const said = section.getByRole('status');
    await expect.poll(() => said.textContent()).toBe('Hidden: it won’t come up again.');
    await expect.poll(() => text.textContent()).not.toBe(words);
    expect(await stored()).toMatchObject({ hidden: [id], favourites: [] });

    const bringBack = section.getByRole('button', { name: 'Bring it back', exact: true });
    await bringBack.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => text.textContent()).toBe(words);
    await expect.poll(() => said.textContent()).toBe('');
    expect(await bringBack.count()).toBe(0);
    expect(await stored()).toMatchObject({ hidden: [], favourites: [id] });
    expect(await keep.getAttribute('aria-pressed')).toBe('true');
    // The button pressed went with the note: focus is back where the prompt was hidden from.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Hide this one');
    // Moving on leaves nothing to bring back.
    await section.getByRole('button', { name: 'Hide this one', exact: true }).press('Enter');
    await expect.poll(() => bringBack.count()).toBe(1);
    await section.getByRole('button', { name: 'Another', exact: true }).press('Enter');
    await expect.poll(() => bringBack.count()).toBe(0);
    await popup.close();
  });

  test('a parked thought waits through a worker restart and comes back when family time ends', async () => {
    const popup = await hearth.open(POPUP);
    const field = popup.getByRole('textbox', { name: 'A work thought to come back to later' });
    await field.fill('Reply to Sam about the deck');
    await field.press('Enter');
    await expect.poll(() => popup.getByText(/^Parked\. It will be here after/).count()).toBe(1);
    // Family time made longer (an hour's focus block on top): what was said goes with the time it named.
    await popup.getByRole('button', { name: '60 minutes', exact: true }).click();
    await expect.poll(() => popup.getByText(/^Parked\. It will be here after/).count()).toBe(0);
    await expect.poll(() => popup.getByText(/^1 thought parked until/).count()).toBe(1);
    await popup.close();

    await hearth.stopWorker();
    const again = await hearth.open(POPUP);
    await expect.poll(() => again.getByText(/^1 thought parked until/).count()).toBe(1);
    await again.getByRole('button', { name: 'End family time now' }).click();
    await expect.poll(() => again.getByRole('region', { name: 'Thoughts you parked' }).count()).toBe(1);
    expect(await again.getByText('Reply to Sam about the deck').count()).toBe(1);
    await expect.poll(notifications).toContain('hearth-welcome-back');

    // The End button went: focus rests on where the parent now stands, not on the page's body.
    await expect.poll(() => again.evaluate(() => document.activeElement?.id)).toBe('state');

    await again.getByRole('button', { name: 'Done: Reply to Sam about the deck' }).click();
    await expect.poll(() => again.getByText('Reply to Sam about the deck').count()).toBe(0);
    // The last one handled: said so, and focus on the section's title.
    expect(await again.getByRole('status').filter({ hasText: 'Marked done.' }).count()).toBe(1);
    expect(await again.getByText("That's all of them.").count()).toBe(1);
    await expect.poll(() => again.evaluate(() => document.activeElement?.textContent)).toBe('Thoughts you parked');
    await again.close();
  });

  test('a thought parked before family time waits for the next one to end', async () => {
    const popup = await hearth.open(POPUP);
    await expect.poll(() => popup.getByText(/^Next: Dinner/).count()).toBe(1);
    // A kind word, asked for by keyboard: focus comes to it.
    await popup.getByRole('button', { name: 'A kind word for you' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('A kind word');
    // Park it with nothing typed: a gentle word, nothing parked.
    await popup.getByRole('button', { name: 'Park it' }).click();
    await expect.poll(() => popup.getByText(/^Type a few words first/).count()).toBe(1);
    const field = popup.getByRole('textbox', { name: 'A work thought to come back to later' });
    await field.fill('Book the dentist');
    await field.press('Enter');
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Parked. It will be here after Dinner.' }).count()).toBe(1);
    await popup.close();

    const later = await hearth.open(POPUP);
    await expect.poll(() => later.getByText('1 thought parked until after Dinner.').count()).toBe(1);
    // Not handed back yet: it waits through the next family time, here a focus block.
    expect(await later.getByText('Book the dentist').count()).toBe(0);
    // A kind word open, then the focus block started by keyboard: the cursor stays with the
    // focus block's buttons while the start is said, rather than jumping to the thought field.
    await later.getByRole('button', { name: 'A kind word for you' }).click();
    // The card takes focus once its words have loaded; only then does the parent move on.
    await expect.poll(() => later.evaluate(() => document.activeElement?.textContent)).toBe('A kind word');
    await later.getByRole('button', { name: '15 minutes' }).focus();
    await later.keyboard.press('Enter');
    await expect.poll(() => later.getByText('1 thought parked until', { exact: false }).count()).toBe(1);
    // Said once the worker has started it (a reconcile, slower on a loaded machine).
    await expect.poll(() => later.getByRole('status').filter({ hasText: 'A 15-minute focus block is on' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await later.evaluate(() => document.activeElement?.textContent)).toBe('15 minutes');
    await later.getByRole('button', { name: 'End family time now' }).click();
    await expect.poll(() => later.getByRole('region', { name: 'Thoughts you parked' }).count()).toBe(1);
    expect(await later.getByText('Book the dentist').count()).toBe(1);
    // As it ends, focus rests on where the parent now stands, not on the kind word from before.
    await expect.poll(() => later.evaluate(() => document.activeElement?.id)).toBe('state');
    await later.getByRole('button', { name: 'Clear: Book the dentist' }).click();
    await expect.poll(() => later.getByText('Book the dentist').count()).toBe(0);
    await later.close();
  });

  test('a popup left open as family time ends by itself hands the thought back there, and keeps focus where the parent stands', async () => {
    const now = Date.now();
    // Long enough to open the popup and park on a loaded machine; the end then comes by itself.
    await setSettings({ blocks: [{ id: 'story', label: 'Story time', start: now - 1000, end: now + 12_000 }] });
    const popup = await hearth.open(POPUP);
    await expect.poll(() => popup.locator('#state').textContent()).toBe('Family time');
    const field = popup.getByRole('textbox', { name: 'A work thought to come back to later' });
    await field.fill('Send the invoice to Dana');
    await field.press('Enter');
    await expect.poll(() => popup.getByText(/^Parked\. It will be here after/).count()).toBe(1);
    // The parent is still in the field as the block ends by itself; the field goes with it.
    await field.focus();
    await expect.poll(() => popup.locator('#state').textContent(), { timeout: 20_000 }).toBe('Work time');
    // Handed back in this popup, without opening it again, as the worker applies the end.
    await expect.poll(() => popup.getByRole('region', { name: 'Thoughts you parked' }).count(), { timeout: 10_000 }).toBe(1);
    expect(await popup.getByText('Send the invoice to Dana').count()).toBe(1);
    expect(await popup.getByText(/thought parked until/).count()).toBe(0);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('state');
    await popup.getByRole('button', { name: 'Clear: Send the invoice to Dana' }).click();
    await expect.poll(() => popup.getByText('Send the invoice to Dana').count()).toBe(0);
    await popup.close();
  });

  test('the heads-up comes a chosen number of minutes before a window, by itself', async () => {
    // Heads-up one minute ahead of a block that starts in 65 s: due in about 5 s.
    await (await hearth.worker()).evaluate(() => chrome.notifications.clear('hearth-heads-up'));
    const start = Date.now() + 65_000;
    await setSettings({ blocks: [{ id: 'soon', label: 'Bath time', start, end: start + 60_000 }], preferences: { headsUp: true, headsUpMinutes: 1 } });
    expect(await notifications()).not.toContain('hearth-heads-up');
    await expect.poll(notifications, { timeout: 15_000, interval: 250 }).toContain('hearth-heads-up');
  });
});
