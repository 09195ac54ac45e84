// The weekly choice through the worker: the card's question, the answer saved (a fresh
// moment as a one-off block), the warmer heads-up, and the plain facts history keeps.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { defaultSettings } from '../core/settings/defaults';
import type { Settings } from '../core/settings/schema';
import { endNow } from './commands';
import { HEADS_UP_ID, noticeOnce } from './enforcers/notices';
import { handleMessage } from './messaging';
import { openHistory } from './history';
import { reconcile } from './reconcile';
import { SETTINGS_KEY, loadSettings } from './store';
import { chooseMoments, weeklyView } from './weekly';
import { TRANSITION_ALARM } from './enforcers/alarm';

vi.mock('./enforcers/sites', () => import('../../tests/unit/workerFakes').then((m) => m.sitesWithoutEffects()));
vi.mock('./enforcers/notices', () => import('../../tests/unit/workerFakes').then((m) => m.noticesShownQuietly()));

process.env.TZ = 'Europe/London';
/** Sunday 29 November 2026 is the week's first day (the usual Sunday, 7 pm). */
const at = (day: number, hh: number, mm = 0) => new Date(2026, 10, day, hh, mm).getTime();
const dec = (day: number, hh: number, mm = 0) => new Date(2026, 11, day, hh, mm).getTime();
const SUNDAY_EVENING = at(29, 19, 5);

async function store(change: (s: Settings) => void = () => undefined) {
  const settings = defaultSettings();
  change(settings);
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: settings });
}

async function historyRows() {
  const history = await openHistory();
  try {
    return (await history.all()).map((e) => `${e.type} ${e.label} ${e.detail ?? ''}`.trim());
  } finally {
    history.close();
  }
}

beforeEach(() => vi.mocked(noticeOnce).mockClear());

describe('the weekly question', () => {
  test('is asked once the week has begun, with the week\'s own family times named by day', async () => {
    await store();
    expect(await weeklyView(at(29, 18, 59))).toMatchObject({ ask: true, week: '2026-11-22' });
    const view = await weeklyView(SUNDAY_EVENING);
    if (!view.ask) throw new Error('expected the question');
    expect(view.week).toBe('2026-11-29');
    // Sunday's dinner began before the week: the first offer is Sunday's bedtime routine.
    expect(view.offers.slice(0, 3).map((o) => o.name)).toEqual(["Sunday's Bedtime routine", "Monday's Dinner", "Monday's Bedtime routine"]);
    expect(view.days.map((d) => d.name).slice(0, 3)).toEqual(['Today', 'Tomorrow', 'Tuesday']);
  });

  test('is not asked when turned off, nor again once answered', async () => {
    await store((s) => (s.weeklyChoice.on = false));
    expect(await weeklyView(SUNDAY_EVENING)).toEqual({ ask: false });
    await store();
    expect(await chooseMoments({ type: 'chooseMoments', week: '2026-11-29', moments: [] }, SUNDAY_EVENING)).toEqual({ ok: true });
    expect(await weeklyView(SUNDAY_EVENING + 60_000)).toEqual({ ask: false });
    expect(await weeklyView(dec(6, 18, 59))).toEqual({ ask: false }); // next Sunday, before 7 pm
    expect(await historyRows()).toEqual(['week-answered  2026-11-29']);
  });
});

describe('the answer', () => {
  test('keeps the moments ticked and makes a fresh one a one-off block, and notes each as chosen', async () => {
    await store();
    const answer = await chooseMoments(
      {
        type: 'chooseMoments',
        week: '2026-11-29',
        moments: [{ windowId: 'dinner', date: '2026-12-01' }],
        fresh: { label: "  Maya's recital ", date: '2026-12-03', from: '18:00', until: '19:00' },
      },
      SUNDAY_EVENING,
    );
    expect(answer).toEqual({ ok: true });
    const { settings } = await loadSettings();
    const block = settings.schedule.blocks.find((b) => b.label === "Maya's recital")!;
    expect(block).toMatchObject({ start: dec(3, 18), end: dec(3, 19) });
    expect(settings.chosen).toEqual({ week: '2026-11-29', moments: [{ windowId: 'dinner', date: '2026-12-01' }, { blockId: block.id }] });
    // All at one instant: in no particular order.
    expect((await historyRows()).sort()).toEqual([
      "moment-chosen Maya's recital 2026-11-29",
      "moment-chosen Tuesday's Dinner 2026-11-29",
      'week-answered  2026-11-29',
    ]);
  });

  test('leaves out what the card could not offer, and refuses too many or a fresh one with no name', async () => {
    await store();
    const week = '2026-11-29';
    expect(await chooseMoments({ type: 'chooseMoments', week, moments: [{ windowId: 'dinner', date: '2026-11-29' }, { blockId: 'nope' }] }, SUNDAY_EVENING)).toEqual({ ok: true });
    expect((await loadSettings()).settings.chosen).toEqual({ week, moments: [] });

    await store();
    const three = ['2026-11-30', '2026-12-01', '2026-12-02'].map((date) => ({ windowId: 'dinner', date }));
    const fresh = { label: 'Recital', date: '2026-12-03', from: '18:00', until: '19:00' };
    expect(await chooseMoments({ type: 'chooseMoments', week, moments: three, fresh }, SUNDAY_EVENING)).toEqual({ ok: false, error: 'Up to three: untick one to choose another.' });
    expect(await chooseMoments({ type: 'chooseMoments', week, moments: [], fresh: { ...fresh, label: ' ' } }, SUNDAY_EVENING)).toMatchObject({ ok: false, error: expect.stringMatching(/^Give it a name first/) });
    expect(await chooseMoments({ type: 'chooseMoments', week: '2026-11-22', moments: [] }, SUNDAY_EVENING)).toMatchObject({ ok: false });
    expect((await loadSettings()).settings.chosen).toBeNull();
  });

  test('arrives only in the message map\'s shape: at most three moments', () => {
    const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/src/ui/popup/index.html') };
    const four = [1, 2, 3, 4].map((n) => ({ blockId: `b${n}` }));
    expect(handleMessage({ type: 'chooseMoments', week: '2026-11-29', moments: four }, page)).toBeUndefined();
  });
});

describe('chosen moments get more care', () => {
  const chosenTuesday = (s: Settings) => {
    s.chosen = { week: '2026-11-29', moments: [{ windowId: 'dinner', date: '2026-12-01' }] };
  };

  test('the heads-up comes half an hour ahead, warmly worded', async () => {
    await store(chosenTuesday);
    await reconcile(dec(1, 12)); // Tuesday, noon
    expect((await fakeBrowser.alarms.get(TRANSITION_ALARM))?.scheduledTime).toBe(dec(1, 17, 30));
    await reconcile(dec(1, 17, 30));
    expect(noticeOnce).toHaveBeenCalledWith(HEADS_UP_ID, expect.any(String), "Tonight: Tuesday's Dinner", 'Work can wait from 6:00 PM.');
  });

  test('one that runs to its end is noted as kept; one ended early is noted as that, and not kept', async () => {
    await store(chosenTuesday);
    await reconcile(dec(1, 18, 5));
    await reconcile(dec(1, 19, 31)); // Dinner ran to its end (bedtime follows on)
    expect((await historyRows()).filter((r) => r.startsWith('moment-'))).toEqual(["moment-kept Tuesday's Dinner 2026-11-29"]);

    await store((s) => (s.chosen = { week: '2026-11-29', moments: [{ windowId: 'dinner', date: '2026-12-02' }] }));
    const { desired } = await reconcile(dec(2, 18, 5));
    await endNow(dec(2, 18, 20), desired.active);
    await reconcile(dec(2, 18, 21));
    await reconcile(dec(2, 19, 31));
    expect((await historyRows()).filter((r) => r.startsWith('moment-'))).toEqual([
      "moment-kept Tuesday's Dinner 2026-11-29",
      "moment-ended-early Wednesday's Dinner 2026-11-29",
    ]);
  });

  test('the popup\'s status names a chosen moment while it is on', async () => {
    await store(chosenTuesday);
    vi.setSystemTime(new Date(2026, 11, 1, 18, 10));
    try {
      const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/src/ui/popup/index.html') };
      const status = (await handleMessage({ type: 'status' }, page)) as { chosen: string[] };
      expect(status.chosen).toEqual(["Tuesday's Dinner"]);
    } finally {
      vi.useRealTimers();
    }
  });
});
