// The welcome page's choices: which toggles it offers, how ticked and unticked
// suggestions become the saved schedule, and the words it uses for times and days.
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../../core/settings/defaults';
import type { BoundaryWindow, Schedule } from '../../core/types';
import { SITE_PRESETS } from '../../core/sites';
import {
  choicesFrom,
  endDayNote,
  endDayOffsetOf,
  fieldId,
  scheduleWith,
  timeProblems,
  windowsToSave,
  workTools,
  type Choice,
} from './choices';
import { daysWords, whenWords } from './words';

const defaults = (): Schedule => defaultSettings().schedule;
const set = (choices: Choice[], id: Choice['id'], patch: Partial<Choice>): Choice[] =>
  choices.map((c) => (c.id === id ? { ...c, ...patch } : c));

describe('work tools', () => {
  test('one toggle per address, named by every preset on it', () => {
    const tools = workTools();
    expect(tools.map((t) => t.pattern)).toEqual([...new Set(SITE_PRESETS.map((p) => p.pattern))]);
    expect(tools.find((t) => t.id === 'slack')).toEqual({ id: 'slack', name: 'Slack', letter: 'S', pattern: 'app.slack.com' });
    expect(tools.find((t) => t.pattern === '*.atlassian.net')?.name).toBe('Jira and Confluence');
  });
});

describe('family times', () => {
  test('ticked to match the stored windows: the defaults, and the school run offered', () => {
    const choices = choicesFrom(defaults().windows);
    expect(choices.map((c) => [c.id, c.on, c.start, c.end])).toEqual([
      ['dinner', true, '18:00', '19:30'],
      ['bedtime', true, '19:30', '20:30'],
      ['weekend', true, '00:00', '00:00'],
      ['school-run', false, '07:30', '08:30'],
    ]);
    expect(choices.map((c) => c.timed)).toEqual([true, true, false, true]);
  });

  test('a paused stored window is shown unticked, with its own times', () => {
    const windows = defaults().windows.map((w) => (w.id === 'dinner' ? { ...w, paused: true, start: '17:30' } : w));
    const dinner = choicesFrom(windows)[0]!;
    expect([dinner.on, dinner.start]).toEqual([false, '17:30']);
  });

  test('saving replaces defaults in place, takes unticked ones out, adds new ones after, keeps everything else', () => {
    const custom: BoundaryWindow = {
      id: 'custom-1', label: 'Swimming', kind: 'custom', days: [3], start: '16:00', end: '17:00', endDayOffset: 0, paused: false,
    };
    const current: Schedule = {
      windows: [custom, ...defaults().windows],
      blocks: [{ id: 'block-1', label: 'Focus block', start: 1_000, end: 2_000 }],
      skips: [{ windowId: 'dinner', date: '2025-03-01' }],
    };
    let choices = choicesFrom(current.windows);
    choices = set(choices, 'dinner', { start: '17:45', end: '19:00' });
    choices = set(choices, 'bedtime', { on: false });
    choices = set(choices, 'school-run', { on: true });
    const saved = scheduleWith(current, choices);
    expect(saved.windows.map((w) => w.id)).toEqual(['custom-1', 'dinner', 'weekend', 'school-run']);
    expect(saved.windows[0]).toBe(custom);
    expect(saved.windows[1]).toEqual({ ...current.windows[1], start: '17:45', end: '19:00' });
    expect(saved.windows[3]).toEqual({
      id: 'school-run', label: 'School run', kind: 'school-run', days: [1, 2, 3, 4, 5],
      start: '07:30', end: '08:30', endDayOffset: 0, paused: false,
    });
    expect(saved.blocks).toBe(current.blocks);
    expect(saved.skips).toBe(current.skips);
  });

  test('nothing changed saves the defaults as they are', () => {
    expect(scheduleWith(defaults(), choicesFrom(defaults().windows))).toEqual(defaults());
  });

  test('ticking a paused window turns it on; an end at midnight runs to midnight', () => {
    const windows = defaults().windows.map((w) => (w.id === 'bedtime' ? { ...w, paused: true } : w));
    const choices = set(choicesFrom(windows), 'bedtime', { on: true, start: '21:00', end: '00:00' });
    const bedtime = scheduleWith({ windows, blocks: [], skips: [] }, choices).windows[1]!;
    expect(bedtime).toMatchObject({ id: 'bedtime', paused: false, start: '21:00', end: '00:00', endDayOffset: 1 });
  });

  test('an end earlier than the start ends the next day, as the settings page saves it', () => {
    const choices = set(choicesFrom(defaults().windows), 'bedtime', { start: '22:00', end: '06:30' });
    const bedtime = choices.find((c) => c.id === 'bedtime')!;
    expect(timeProblems(choices).size).toBe(0);
    expect(endDayOffsetOf(bedtime)).toBe(1);
    expect(endDayNote(bedtime)).toBe('Ends the next day');
    const saved = scheduleWith(defaults(), choices).windows.find((w) => w.id === 'bedtime')!;
    expect(saved).toEqual({ ...defaults().windows[1], start: '22:00', end: '06:30', endDayOffset: 1 });
    expect(whenWords(saved)).toMatch(/^Sunday to Thursday, 10:00\sPM to 6:30\sAM the next day$/u);
    // An end a minute before the start is a day less a minute, still fine, and said plainly.
    expect(endDayOffsetOf({ ...bedtime, start: '19:00', end: '18:59' })).toBe(1);
    expect(endDayNote({ ...bedtime, start: '18:00', end: '17:00' })).toBe('This runs 23 hours, into the next day.');
  });

  test('an end later than the start ends the same day, with no note', () => {
    const dinner = choicesFrom(defaults().windows)[0]!;
    expect(endDayOffsetOf(dinner)).toBe(0);
    expect(endDayNote(dinner)).toBe('');
    expect(endDayNote({ ...dinner, start: '17:00', end: '17:01' })).toBe('');
  });

  test('only an end equal to the start is refused, and a cleared time has no end day yet', () => {
    const dinner = choicesFrom(defaults().windows)[0]!;
    expect(endDayOffsetOf({ ...dinner, start: '17:00', end: '17:00' })).toBe(null);
    expect(endDayNote({ ...dinner, start: '17:00', end: '17:00' })).toBe('');
    expect(endDayOffsetOf({ ...dinner, start: '17:00', end: '' })).toBe(null);
    expect(endDayOffsetOf({ ...dinner, start: '', end: '17:00' })).toBe(null);
    const choices = set(choicesFrom(defaults().windows), 'dinner', { start: '00:00', end: '00:00' });
    expect([...timeProblems(choices).keys()]).toEqual([fieldId({ id: 'dinner' }, 'end')]);
  });

  test('a stored overnight or longer window keeps its end day while its times stay as stored', () => {
    const stored: BoundaryWindow[] = defaults().windows.map((w) =>
      w.id === 'bedtime' ? { ...w, start: '22:00', end: '06:30', endDayOffset: 2 } : w,
    );
    const choices = choicesFrom(stored);
    const bedtime = choices.find((c) => c.id === 'bedtime')!;
    expect(endDayOffsetOf(bedtime)).toBe(2);
    expect(endDayNote(bedtime)).toBe('Ends 2 days later');
    expect(scheduleWith({ windows: stored, blocks: [], skips: [] }, choices).windows).toEqual(stored);
    // Changed times follow the times again.
    expect(endDayOffsetOf({ ...bedtime, end: '07:00' })).toBe(1);
    expect(endDayOffsetOf({ ...bedtime, end: '23:00' })).toBe(0);
  });

  test('the summary lists only the windows that will be on', () => {
    const paused: BoundaryWindow = {
      id: 'custom-2', label: 'Music', kind: 'custom', days: [2], start: '17:00', end: '18:00', endDayOffset: 0, paused: true,
    };
    const choices = set(choicesFrom(defaults().windows), 'weekend', { on: false });
    expect(windowsToSave([...defaults().windows, paused], choices).map((w) => w.id)).toEqual(['dinner', 'bedtime']);
  });

  test('times Hearth cannot use yet are named next to their field; unticked ones are left alone', () => {
    let choices = choicesFrom(defaults().windows);
    expect(timeProblems(choices).size).toBe(0);
    choices = set(choices, 'dinner', { start: '', end: '19:00' });
    choices = set(choices, 'bedtime', { start: '20:00', end: '20:00' });
    choices = set(choices, 'school-run', { start: '09:00', end: '09:00' }); // unticked
    const problems = timeProblems(choices);
    expect([...problems.keys()]).toEqual([fieldId({ id: 'dinner' }, 'start'), fieldId({ id: 'bedtime' }, 'end')]);
    expect(problems.get(fieldId({ id: 'dinner' }, 'start'))).toBe('Pick a time for Dinner to start.');
    expect(problems.get(fieldId({ id: 'bedtime' }, 'end'))).toMatch(
      /^For Bedtime routine, pick an end time other than its start, 8:00\sPM\.$/u,
    );
    expect(timeProblems(set(choices, 'dinner', { start: '18:00', end: '' })).get(fieldId({ id: 'dinner' }, 'end'))).toBe(
      'Pick a time for Dinner to end.',
    );
  });
});

describe('words', () => {
  test('days', () => {
    expect(daysWords([0, 1, 2, 3, 4, 5, 6])).toBe('every day');
    expect(daysWords([1, 2, 3, 4, 5])).toBe('weekdays');
    expect(daysWords([0, 1, 2, 3, 4])).toBe('Sunday to Thursday');
    expect(daysWords([5, 6, 0])).toBe('Friday to Sunday');
    expect(daysWords([6, 0])).toBe('Saturday and Sunday');
    expect(daysWords([1, 3])).toBe('Monday and Wednesday');
    expect(daysWords([2])).toBe('Tuesday');
  });

  test('when a window is on', () => {
    const [dinner, , weekend] = defaults().windows;
    expect(whenWords(dinner!)).toMatch(/^every day, 6:00\sPM to 7:30\sPM$/u);
    expect(whenWords(weekend!)).toBe('all of Saturday and Sunday');
    expect(whenWords({ ...dinner!, start: '22:00', end: '06:30', endDayOffset: 1 })).toMatch(
      /^every day, 10:00\sPM to 6:30\sAM the next day$/u,
    );
  });
});

describe('work tools in Spanish', () => {
  test('presets sharing an address are joined in the words of the translation shown', () => {
    const english = fakeBrowser.i18n.getMessage;
    // Spanish messages, whatever the browser's own language says (en-US here).
    const spanish = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key, subs) => (key === 'htmlLang' ? 'es' : english(key, subs)));
    try {
      expect(workTools().find((t) => t.pattern === '*.atlassian.net')?.name).toBe('Jira y Confluence');
    } finally {
      spanish.mockRestore();
    }
  });
});
