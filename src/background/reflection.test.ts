// The worker's reflection requests against fake-indexeddb (fresh for every test,
// see tests/unit/setup.ts) and the fake browser's storage.
process.env.TZ = 'Europe/London';

import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParkedThought } from '../core/records';
import { openHearthDB } from './db';
import { openHistory, type HeldReport, type NewHistoryEvent } from './history';
import { reflect } from '../core/reflection';
import { clearHistory, reflectionSource } from './reflection';
import { historyDocument } from '../core/historyExport';
import { favouritesCount } from '../ui/shared/promptStore';

/** What the reflection page shows from what the worker reads. */
const reflectionView = async (now: number) => {
  const { events, thoughts } = await reflectionSource();
  return reflect(events, thoughts, await favouritesCount(), now);
};

// Every connection opened (through idb, under the module) is watched, so a test can see it closed.
const connections = vi.hoisted(() => ({ opened: 0, closed: 0 }));
vi.mock('idb', async (importOriginal) => {
  const real = await importOriginal<typeof import('idb')>();
  return {
    ...real,
    openDB: (async (...args: Parameters<typeof real.openDB>) => {
      const db = await real.openDB(...args);
      connections.opened++;
      const close = db.close.bind(db);
      db.close = () => {
        connections.closed++;
        close();
      };
      return db;
    }) as typeof real.openDB,
  };
});
afterEach(() => {
  connections.opened = 0;
  connections.closed = 0;
});

const local = (y: number, mo: number, d: number, h = 0, mi = 0): number => new Date(y, mo - 1, d, h, mi).getTime();
const NOW = local(2025, 3, 12, 20, 0); // Wednesday 12 March 2025

async function record(events: NewHistoryEvent[]): Promise<void> {
  const history = await openHistory();
  try {
    await history.recordMany(events);
  } finally {
    history.close();
  }
}

function thought(id: string, parkedAt: number): ParkedThought {
  return { id, text: `thought ${id}`, parkedAt, handedBackAt: null, doneAt: null };
}

async function park(thoughts: ParkedThought[]): Promise<void> {
  const db = await openHearthDB();
  try {
    for (const th of thoughts) await db.put('thoughts', th);
  } finally {
    db.close();
  }
}

async function stored(): Promise<{ events: number; thoughts: number }> {
  const db = await openHearthDB();
  try {
    return { events: await db.count('events'), thoughts: await db.count('thoughts') };
  } finally {
    db.close();
  }
}

const dinnerMonday: NewHistoryEvent[] = [
  { type: 'boundary-start', occurrenceKey: 'window:dinner:1', label: 'Dinner', at: local(2025, 3, 10, 18) },
  { type: 'boundary-end', occurrenceKey: 'window:dinner:1', label: 'Dinner', at: local(2025, 3, 10, 19, 5) },
  {
    type: 'override',
    occurrenceKey: 'window:dinner:1',
    label: 'Dinner',
    at: local(2025, 3, 10, 19, 5),
    detail: 'ended-early',
  },
];
const slackTuesday: NewHistoryEvent = {
  type: 'override',
  occurrenceKey: 'site:slack',
  label: 'Slack',
  at: local(2025, 3, 11, 18, 30),
  detail: 'way-through:10',
};

describe('reflectionSource, as the page reads it', () => {
  it('reads history, parked thoughts and favourites into the view, and closes the database', async () => {
    await record([...dinnerMonday, slackTuesday]);
    await park([thought('a', local(2025, 3, 11, 18)), thought('b', local(2025, 3, 3, 12))]);
    await fakeBrowser.storage.local.set({ prompts: { favourites: ['p1', 'p2', 'p3'] } });
    connections.opened = 0;
    connections.closed = 0;

    const view = await reflectionView(NOW);

    expect(view.now).toBe(NOW);
    expect(view.weekHours).toBeCloseTo(65 / 60, 10);
    expect(view.monthHours).toBeCloseTo(65 / 60, 10);
    expect(view.last7Days.find((d) => d.date === '2025-03-10')?.hours).toBeCloseTo(65 / 60, 10);
    expect(view.thoughtsThisWeek).toBe(1);
    expect(view.thoughtsThisMonth).toBe(2);
    expect(view.favourites).toBe(3);
    expect(view.hasHistory).toBe(true);
    expect(view.facts).toEqual([
      { at: slackTuesday.at, label: 'Slack', kind: 'way-through', minutes: 10 },
      { at: local(2025, 3, 10, 19, 5), label: 'Dinner', kind: 'ended-early' },
    ]);
    expect(connections).toEqual({ opened: 1, closed: 1 });
  });

  it('is empty for a new install, with no favourites when prompts were never stored', async () => {
    const view = await reflectionView(NOW);
    expect(view).toMatchObject({ weekHours: 0, monthHours: 0, facts: [], favourites: 0, hasHistory: false });
    expect(view.last7Days).toHaveLength(7);
    expect(connections.opened).toBe(connections.closed);
  });

  it.each([
    ['a stored value that is not an object', 'favourites'],
    ['no favourites list', { hidden: ['x'] }],
    ['favourites that are not a list', { favourites: 'p1' }],
  ])('counts no favourites for %s', async (_, prompts) => {
    await fakeBrowser.storage.local.set({ prompts });
    expect((await reflectionView(NOW)).favourites).toBe(0);
  });

  it('counts only the ids in a favourites list', async () => {
    await fakeBrowser.storage.local.set({ prompts: { favourites: ['p1', 7, null, 'p2'], hidden: ['p9'] } });
    expect((await reflectionView(NOW)).favourites).toBe(2);
  });
});

describe('notifications held back', () => {
  it('are summed from the rows of each tab and from rows stored before them', async () => {
    const boundary = `window:dinner:${local(2025, 3, 11, 18)}`;
    await record([
      { type: 'boundary-start', occurrenceKey: boundary, label: 'Dinner', at: local(2025, 3, 11, 18) },
      { type: 'boundary-end', occurrenceKey: boundary, label: 'Dinner', at: local(2025, 3, 11, 19) },
    ]);
    const history = await openHistory();
    try {
      const at = local(2025, 3, 11, 18, 30);
      const report = (tabId: number, count: number, siteId = 'slack'): HeldReport => ({ at, boundary, siteId, label: siteId, tabId, count });
      for (const r of [report(1, 100), report(1, 20), report(2, 5), report(3, 7, 'gmail')]) await history.countHeld(r);
      // A report just after the boundary ended, with nothing on: the same tab's row.
      await history.countHeld({ ...report(2, 1), at: local(2025, 3, 11, 19, 1), boundary: null });
    } finally {
      history.close();
    }
    // Rows from before, one a report with its count in detail, this week and earlier this month.
    const db = await openHearthDB();
    try {
      for (const [at, detail] of [[local(2025, 3, 10, 18, 30), '4'], [local(2025, 3, 3, 18, 30), '9']] as const) {
        await db.put('events', { key: `held|site:slack|${at}`, at, type: 'held', occurrenceKey: 'site:slack', label: 'Slack', detail });
      }
    } finally {
      db.close();
    }

    const view = await reflectionView(NOW);
    expect(view.heldThisWeek).toBe(100 + 20 + 5 + 7 + 1 + 4);
    expect(view.heldThisMonth).toBe(100 + 20 + 5 + 7 + 1 + 4 + 9);
    expect(view.last7Days.find((d) => d.date === '2025-03-11')?.hours).toBe(1);
  });
});

/** The file "Export history" saves, made by the reflection page from what the worker reads. */
const exportHistory = async (now: number) => ({ json: historyDocument(await reflectionSource(), now) });

describe('the exported history', () => {
  it('is a versioned JSON document with every event and thought, oldest first', async () => {
    await record([slackTuesday, ...dinnerMonday]);
    await park([thought('b', local(2025, 3, 11, 18)), thought('a', local(2025, 3, 3, 12))]);

    const { json } = await exportHistory(Date.UTC(2025, 2, 12, 20, 0, 5));
    expect(json.endsWith('\n')).toBe(true);
    const doc = JSON.parse(json) as Record<string, unknown>;
    expect(doc).toEqual({
      format: 'hearth-history',
      version: 1,
      exportedAt: '2025-03-12T20:00:05.000Z',
      events: [
        {
          key: 'boundary-start|window:dinner:1',
          type: 'boundary-start',
          occurrenceKey: 'window:dinner:1',
          label: 'Dinner',
          at: local(2025, 3, 10, 18),
        },
        // Same instant: the index orders by key within it.
        {
          key: 'boundary-end|window:dinner:1',
          type: 'boundary-end',
          occurrenceKey: 'window:dinner:1',
          label: 'Dinner',
          at: local(2025, 3, 10, 19, 5),
        },
        {
          key: expect.stringMatching(`^override\\|window:dinner:1\\|${local(2025, 3, 10, 19, 5)}\\|`),
          type: 'override',
          occurrenceKey: 'window:dinner:1',
          label: 'Dinner',
          at: local(2025, 3, 10, 19, 5),
          detail: 'ended-early',
        },
        {
          key: expect.stringMatching(`^override\\|site:slack\\|${slackTuesday.at}\\|`),
          type: 'override',
          occurrenceKey: 'site:slack',
          label: 'Slack',
          at: slackTuesday.at,
          detail: 'way-through:10',
        },
      ],
      thoughts: [thought('a', local(2025, 3, 3, 12)), thought('b', local(2025, 3, 11, 18))],
    });
    expect(connections.opened).toBe(connections.closed);
  });

  it('is an empty document when there is no history', async () => {
    const doc = JSON.parse((await exportHistory(NOW)).json) as Record<string, unknown>;
    expect(doc).toMatchObject({ format: 'hearth-history', version: 1, events: [], thoughts: [] });
  });
});

describe('clearHistory', () => {
  it('deletes every event and parked thought, and leaves the favourites alone', async () => {
    await record([...dinnerMonday, slackTuesday]);
    await park([thought('a', local(2025, 3, 11, 18))]);
    await fakeBrowser.storage.local.set({ prompts: { favourites: ['p1'] } });
    expect(await stored()).toEqual({ events: 4, thoughts: 1 });

    expect(await clearHistory()).toEqual({ ok: true });

    expect(await stored()).toEqual({ events: 0, thoughts: 0 });
    const view = await reflectionView(NOW);
    expect(view).toMatchObject({ weekHours: 0, facts: [], thoughtsThisWeek: 0, favourites: 1, hasHistory: false });
    expect(connections.opened).toBe(connections.closed);
  });

  it('lets history start again afterwards', async () => {
    await record(dinnerMonday);
    await clearHistory();
    await record([slackTuesday]);
    const doc = JSON.parse((await exportHistory(NOW)).json) as { events: { label: string }[] };
    expect(doc.events.map((e) => e.label)).toEqual(['Slack']);
  });
});
