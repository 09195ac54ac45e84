// The schedule's keyboard and screen-reader paths: rows that share a name are told
// apart by when they run, Escape leaves a form shown in place, and a deletion always
// moves focus somewhere sensible and is always announced, even in the same words as
// the last one.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../../core/settings/defaults';
import type { BoundaryWindow, OneOffBlock, Schedule } from '../../core/types';
import type { Request, SettingsView } from '../../messages';
import { ask } from '../shared/client';
import { click, installPage, mount, press, settle } from '../testing/page';
import { accessibleDescription, accessibleName, allByRole, byRole } from '../testing/roles';
import { ScheduleSection } from './ScheduleSection';

vi.mock('../shared/client', async (original) => ({ ...(await original<typeof import('../shared/client')>()), ask: vi.fn() }));

const doc = installPage();
const HOUR = 3_600_000;

const boundary = (id: string, label: string, days: BoundaryWindow['days'], start: string, end: string): BoundaryWindow => ({
  id,
  label,
  kind: 'custom',
  days,
  start,
  end,
  endDayOffset: 0,
  paused: false,
});
const block = (id: string, label: string, fromNow: number): OneOffBlock => ({
  id,
  label,
  start: Date.now() + fromNow,
  end: Date.now() + fromNow + HOUR,
});

/** The worker, as far as this section asks it: the schedule as stored, saved whole. */
function storeSchedule(schedule: Schedule) {
  let settings = { ...defaultSettings(), schedule };
  const view = (): SettingsView => ({ settings, own: settings, problems: [], storage: { area: 'sync', note: null } });
  vi.mocked(ask).mockImplementation((async (request: Request) => {
    if (request.type === 'settings') return view();
    if (request.type === 'saveSchedule') {
      settings = { ...settings, schedule: request.schedule as Schedule };
      return { ok: true, view: view() };
    }
    throw new Error(`not asked in these tests: ${request.type}`);
  }) as typeof ask);
}

async function page() {
  const root = mount(doc, <ScheduleSection />);
  await settle();
  return root;
}

const status = (root: ReturnType<typeof mount>) => byRole(root, 'status');

beforeEach(() => {
  doc.body.textContent = '';
  storeSchedule({
    windows: [
      boundary('dinner-week', 'Dinner', [1, 2, 3, 4, 5], '18:00', '19:00'),
      boundary('dinner-weekend', 'Dinner', [0, 6], '19:00', '20:00'),
      boundary('bedtime', 'Bedtime', [0, 1, 2, 3, 4, 5, 6], '20:00', '21:00'),
    ],
    blocks: [block('swim-1', 'Swim', 2 * HOUR), block('swim-2', 'Swim', 50 * HOUR)],
    skips: [],
  });
});

describe('rows with the same name', () => {
  test("each window's buttons keep their names and are described by its days and times", async () => {
    const root = await page();
    for (const name of ['Edit Dinner', 'Pause Dinner', 'Delete Dinner']) {
      const [weekdays, weekends] = allByRole(root, 'button', name);
      expect(accessibleDescription(weekdays!)).toMatch(/^Weekdays, 6:00\sPM – 7:00\sPM$/);
      expect(accessibleDescription(weekends!)).toMatch(/^Weekends, 7:00\sPM – 8:00\sPM$/);
    }
    // What the eye sees is unchanged: the name, then its days and times.
    expect(byRole(root, 'listitem', 'Bedtime').textContent).toMatch(/^Bedtime · , Every day · , 8:00\sPM – 9:00\sPM/);
  });

  test("each one-off time's delete button is described by its date and times", async () => {
    const root = await page();
    const [soon, later] = allByRole(root, 'button', 'Delete Swim (one-off time)');
    expect(accessibleDescription(soon!)).not.toBe('');
    expect(accessibleDescription(soon!)).not.toBe(accessibleDescription(later!));
  });
});

describe('Escape in a form shown in place', () => {
  test('cancels changing a window, and focus goes back to its Edit button', async () => {
    const root = await page();
    click(allByRole(root, 'button', 'Edit Dinner')[1]!);
    await settle();
    // The form opens with focus in its name field.
    const name = doc.activeElement;
    expect(accessibleName(name)).toBe('Name');
    expect(byRole(root, 'heading', 'Change Dinner')).toBeTruthy();
    press(name, 'Escape');
    await settle();
    expect(allByRole(root, 'heading', 'Change Dinner')).toEqual([]);
    expect(allByRole(root, 'textbox', 'Name')).toHaveLength(1); // the one-off form's alone
    expect(doc.activeElement).toBe(allByRole(root, 'button', 'Edit Dinner')[1]);
    expect(vi.mocked(ask).mock.calls.some(([r]) => r.type === 'saveSchedule')).toBe(false);
  });

  test('cancels adding a window, and focus goes back to the add button', async () => {
    const root = await page();
    const add = byRole(root, 'button', 'Add a window');
    click(add);
    await settle();
    press(doc.activeElement, 'Escape');
    await settle();
    expect(doc.activeElement).toBe(byRole(root, 'button', 'Add a window'));
  });
});

describe('deleting', () => {
  test('focus moves on and every deletion is said, even in the same words as the last', async () => {
    const root = await page();
    click(allByRole(root, 'button', 'Delete Dinner')[0]!);
    await settle();
    // On to the next window's first button.
    expect(doc.activeElement).toBe(byRole(root, 'button', 'Edit Dinner'));
    expect(status(root).textContent).toBe('Dinner deleted.');
    const first = status(root).firstChild;

    click(byRole(root, 'button', 'Delete Dinner'));
    await settle();
    expect(doc.activeElement).toBe(byRole(root, 'button', 'Edit Bedtime'));
    expect(status(root).textContent).toBe('Dinner deleted.');
    // A new sentence, so a screen reader says it again.
    expect(status(root).firstChild).not.toBe(first);

    click(byRole(root, 'button', 'Delete Bedtime'));
    await settle();
    // The last one gone: the list's heading, which says the list is empty below it.
    expect(doc.activeElement).toBe(byRole(root, 'heading', 'Your windows'));
  });

  test('one-off times of the same name: on to the next, then the heading', async () => {
    const root = await page();
    const swims = () => allByRole(root, 'button', 'Delete Swim (one-off time)');
    click(swims()[0]!);
    await settle();
    expect(doc.activeElement).toBe(swims()[0]);
    const first = status(root).firstChild;
    click(swims()[0]!);
    await settle();
    expect(doc.activeElement).toBe(byRole(root, 'heading', 'One-off times'));
    expect(status(root).textContent).toBe('Swim deleted.');
    expect(status(root).firstChild).not.toBe(first);
  });
});
