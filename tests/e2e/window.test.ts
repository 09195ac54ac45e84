// A recurring window (wall-clock minutes, every day) created to start at the
// next minute comes on by itself and goes off by itself, with no page open.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { badgeText, eventually, launch, type Hearth } from './harness';
import { ask } from './helpers';

let hearth: Hearth;
beforeAll(async () => {
  hearth = await launch();
});
afterAll(async () => {
  await hearth?.close();
});

const hhmm = (t: number) => {
  const d = new Date(t);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

test('a window starting at the next minute comes on and ends by itself', { timeout: 180_000 }, async () => {
  // Whole minutes: the next one starts it, the one after ends it.
  const start = Math.ceil((Date.now() + 1000) / 60_000) * 60_000;
  const end = start + 60_000;
  const overnight = new Date(end).getDate() !== new Date(start).getDate() ? 1 : 0;
  const saved = await ask<{ ok: boolean }>(hearth, {
    type: 'saveSchedule',
    schedule: {
      windows: [{ id: 'tea', label: 'Tea time', kind: 'custom', days: [0, 1, 2, 3, 4, 5, 6], start: hhmm(start), end: hhmm(end), endDayOffset: overnight, paused: false }],
      blocks: [],
      skips: [],
    },
  });
  expect(saved.ok).toBe(true);
  expect(await badgeText(hearth)).toBe('');
  await hearth.stopWorker(); // nothing but the alarm may wake it

  // Woken by the alarm that arms the start, a few seconds ahead; on once the start comes.
  await hearth.nextStart(start - Date.now() + 10_000);
  expect(await eventually(() => badgeText(hearth), 'on', start - Date.now() + 10_000)).toBe('on');
  expect(Date.now()).toBeGreaterThanOrEqual(start);
  const title = await (await hearth.worker()).evaluate(() => chrome.action.getTitle({}));
  expect(title).toContain('Tea time');

  expect(await eventually(() => badgeText(hearth), '', end - Date.now() + 10_000)).toBe('');
  expect(Date.now()).toBeGreaterThanOrEqual(end);
});
