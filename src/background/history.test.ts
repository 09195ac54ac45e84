import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_DB_VERSION } from './db';
import {
  HELD_ROW_MAX,
  heldKey,
  historyKey,
  openHistory,
  type HeldReport,
  type History,
  type NewHistoryEvent,
} from './history';

// Every test gets its own database, so none sees another's events.
let counter = 0;
const freshName = () => `hearth-test-${Date.now()}-${counter++}`;

const open: History[] = [];
async function history(name = freshName()): Promise<History> {
  const h = await openHistory(name);
  open.push(h);
  return h;
}
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});

const start = (occurrenceKey: string, at: number, label = 'Dinner'): NewHistoryEvent => ({
  type: 'boundary-start',
  occurrenceKey,
  label,
  at,
});
const end = (occurrenceKey: string, at: number, label = 'Dinner'): NewHistoryEvent => ({
  type: 'boundary-end',
  occurrenceKey,
  label,
  at,
});
const override = (occurrenceKey: string, at: number, detail: string): NewHistoryEvent => ({
  type: 'override',
  occurrenceKey,
  label: 'Dinner',
  at,
  detail,
});

describe('keys', () => {
  it('are the type and occurrence for boundaries, so the same transition is the same key', () => {
    expect(historyKey(start('window:dinner:1000', 1000))).toBe('boundary-start|window:dinner:1000');
    expect(historyKey(end('window:dinner:1000', 5000))).toBe('boundary-end|window:dinner:1000');
  });

  it('are new every time for anything else, even the same override in the same millisecond', () => {
    const event = override('window:dinner:1000', 3000, 'ended-early');
    const first = historyKey(event);
    expect(first).toMatch(/^override\|window:dinner:1000\|3000\|[0-9a-f-]{36}$/);
    expect(historyKey(event)).not.toBe(first);
  });
});

describe('the weekly choice\'s facts', () => {
  const fact = (type: NewHistoryEvent['type'], occurrenceKey: string): NewHistoryEvent => ({ type, occurrenceKey, label: "Tuesday's Dinner", at: 1000, detail: '2025-03-09' });

  it('are one row each for a week answered, a moment chosen and a moment kept, recorded again or not', async () => {
    expect(historyKey(fact('week-answered', 'week:2025-03-09'))).toBe('week-answered|week:2025-03-09');
    expect(historyKey(fact('moment-chosen', 'window:dinner:1000'))).toBe('moment-chosen|window:dinner:1000');
    expect(historyKey(fact('moment-kept', 'window:dinner:1000'))).toBe('moment-kept|window:dinner:1000');
    const h = await history();
    expect(await h.recordMany([fact('moment-kept', 'window:dinner:1000'), fact('moment-kept', 'window:dinner:1000')])).toBe(1);
  });

  it('note every early ending, as overrides are', () => {
    const early = fact('moment-ended-early', 'window:dinner:1000');
    expect(historyKey(early)).not.toBe(historyKey(early));
  });
});

describe('record', () => {
  it('stores the same transition once, however often reconcile records it', async () => {
    const h = await history();
    expect(await h.record(start('window:dinner:1000', 1000))).toBe(true);
    expect(await h.record(start('window:dinner:1000', 1000))).toBe(false);
    // A later reconcile that sees the same start again does not move it.
    expect(await h.record(start('window:dinner:1000', 9999))).toBe(false);
    expect(await h.all()).toEqual([
      {
        key: 'boundary-start|window:dinner:1000',
        type: 'boundary-start',
        occurrenceKey: 'window:dinner:1000',
        label: 'Dinner',
        at: 1000,
      },
    ]);
  });

  it('keeps the start and the end of one occurrence apart', async () => {
    const h = await history();
    await h.record(start('window:dinner:1000', 1000));
    await h.record(end('window:dinner:1000', 5000));
    expect((await h.all()).map((e) => e.type)).toEqual(['boundary-start', 'boundary-end']);
  });

  it('keeps each override, since each is its own choice, even two in the same millisecond', async () => {
    const h = await history();
    expect(await h.record(override('site:slack', 2000, 'way-through:10'))).toBe(true);
    expect(await h.record(override('site:slack', 2000, 'way-through:10'))).toBe(true);
    expect(await h.recordMany([override('window:dinner:1000', 3000, 'ended-early'), override('window:dinner:1000', 3000, 'ended-early')])).toBe(2);
    const events = await h.all();
    expect(events.map((e) => [e.at, e.detail])).toEqual([
      [2000, 'way-through:10'],
      [2000, 'way-through:10'],
      [3000, 'ended-early'],
      [3000, 'ended-early'],
    ]);
  });

  it('still reads an override stored under the older key, without its uuid', async () => {
    const name = freshName();
    (await openHistory(name)).close();
    const raw = await openDB(name);
    await raw.put('events', { key: 'override|site:slack|2000', at: 2000, type: 'override', occurrenceKey: 'site:slack', label: 'Slack', detail: 'way-through:10' });
    raw.close();
    const h = await history(name);
    expect(await h.record(override('site:slack', 2000, 'way-through:10'))).toBe(true);
    expect((await h.all()).map((e) => e.key)).toEqual(['override|site:slack|2000', expect.stringMatching(/^override\|site:slack\|2000\|/)]);
  });

  it('stores no detail field when there is none', async () => {
    const h = await history();
    await h.record({ ...start('k', 1), detail: undefined });
    const [event] = await h.all();
    expect(event).not.toHaveProperty('detail');
  });

  it('turns away an event without a real time, storing nothing', async () => {
    const h = await history();
    await expect(h.record(start('k', Number.NaN))).rejects.toThrow(RangeError);
    await expect(h.recordMany([start('a', 1), start('b', Number.POSITIVE_INFINITY)])).rejects.toThrow(RangeError);
    expect(await h.all()).toEqual([]);
  });
});

describe('recordMany', () => {
  it('stores a batch in one go and counts only what is new', async () => {
    const h = await history();
    await h.record(start('window:dinner:1000', 1000));
    const added = await h.recordMany([
      end('window:dinner:1000', 5000),
      start('window:dinner:1000', 1000), // already there
      start('block:focus:6000', 6000, 'Focus'),
      start('block:focus:6000', 6000, 'Focus'), // twice in the same batch
    ]);
    expect(added).toBe(2);
    expect((await h.all()).map((e) => e.key)).toEqual([
      'boundary-start|window:dinner:1000',
      'boundary-end|window:dinner:1000',
      'boundary-start|block:focus:6000',
    ]);
    expect(await h.recordMany([])).toBe(0);
  });

  it('running the same batch again changes nothing', async () => {
    const h = await history();
    const batch = [start('a', 10), end('a', 20), start('b', 30)];
    expect(await h.recordMany(batch)).toBe(3);
    expect(await h.recordMany(batch)).toBe(0);
    expect(await h.all()).toHaveLength(3);
  });
});

describe('countHeld', () => {
  const held = (at: number, boundary: string | null, tabId: number, count: number, siteId = 'slack'): HeldReport => ({
    at,
    boundary,
    siteId,
    label: 'Slack',
    tabId,
    count,
  });

  it('adds each report to one row per boundary, site and tab, which keeps its first instant', async () => {
    const h = await history();
    expect(await h.countHeld(held(100, 'w:1', 1, 3))).toBe(3);
    expect(await h.countHeld(held(200, 'w:1', 1, 4))).toBe(7);
    await h.countHeld(held(200, 'w:1', 2, 1));
    await h.countHeld(held(200, 'w:1', 1, 1, 'gmail'));
    await h.countHeld(held(300, 'w:2', 1, 5));
    expect((await h.all()).map((e) => [e.key, e.at, e.occurrenceKey, e.count])).toEqual([
      [heldKey('w:1', 'slack', 1), 100, 'w:1', 7],
      [heldKey('w:1', 'gmail', 1), 200, 'w:1', 1],
      [heldKey('w:1', 'slack', 2), 200, 'w:1', 1],
      [heldKey('w:2', 'slack', 1), 300, 'w:2', 5],
    ]);
  });

  it('counts a row up to the cap and no further', async () => {
    const h = await history();
    for (let i = 0; i < 6; i++) await h.countHeld(held(100, 'w:1', 1, 100));
    expect(await h.countHeld(held(100, 'w:1', 1, 1))).toBe(HELD_ROW_MAX);
    expect((await h.all()).map((e) => e.count)).toEqual([HELD_ROW_MAX]);
  });

  it('with no boundary on, gives the report to the latest boundary that started by then', async () => {
    const h = await history();
    await h.recordMany([start('a', 100), end('a', 200), start('b', 300), end('b', 400), start('c', 900)]);
    await h.countHeld(held(450, null, 1, 2));
    await h.countHeld(held(250, null, 1, 3));
    expect((await h.all()).filter((e) => e.type === 'held').map((e) => [e.occurrenceKey, e.count])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });

  it('still counts a report with no boundary in history at all', async () => {
    const h = await history();
    await h.countHeld(held(100, null, 1, 2));
    await h.countHeld(held(200, null, 1, 2));
    expect((await h.all()).map((e) => [e.key, e.count])).toEqual([[heldKey('none', 'slack', 1), 4]]);
  });
});

describe('between and all', () => {
  async function seeded(): Promise<History> {
    const h = await history();
    // Inserted out of order: reads come back by time.
    await h.recordMany([start('c', 300), start('a', 100), end('a', 200), start('d', 400), end('c', 350)]);
    return h;
  }

  it('gives events from `from` (inclusive) to `to` (exclusive), oldest first', async () => {
    const h = await seeded();
    expect((await h.between(100, 350)).map((e) => e.at)).toEqual([100, 200, 300]);
    expect((await h.between(101, 351)).map((e) => e.at)).toEqual([200, 300, 350]);
    expect((await h.between(0, Number.POSITIVE_INFINITY)).map((e) => e.at)).toEqual([100, 200, 300, 350, 400]);
    expect(await h.between(500, 600)).toEqual([]);
  });

  it('gives nothing for an empty or backwards range', async () => {
    const h = await seeded();
    expect(await h.between(300, 300)).toEqual([]);
    expect(await h.between(400, 100)).toEqual([]);
    expect(await h.between(Number.NaN, 400)).toEqual([]);
  });

  it('all() gives every event, oldest first', async () => {
    const h = await seeded();
    expect((await h.all()).map((e) => e.key)).toEqual([
      'boundary-start|a',
      'boundary-end|a',
      'boundary-start|c',
      'boundary-end|c',
      'boundary-start|d',
    ]);
  });

  it('clear() empties the history, and recording works after it', async () => {
    const h = await seeded();
    await h.clear();
    expect(await h.all()).toEqual([]);
    expect(await h.between(0, 1000)).toEqual([]);
    expect(await h.record(start('a', 100))).toBe(true);
    expect(await h.all()).toHaveLength(1);
  });
});

describe('the database', () => {
  it('upgrades a version-1 database (events only) and keeps its events', async () => {
    const name = freshName();
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('events', { keyPath: 'key' }).createIndex('at', 'at');
      },
    });
    await v1.put('events', { key: 'boundary-start|w:1', at: 5, type: 'boundary-start', occurrenceKey: 'w:1', label: 'Dinner' });
    v1.close();
    const h = await history(name);
    expect((await h.all()).map((e) => e.label)).toEqual(['Dinner']);
    h.close();
    const raw = await openDB(name);
    expect([...raw.objectStoreNames].sort()).toEqual(['events', 'thoughts']);
    raw.close();
  });

  it('mends an empty version-1 database that something else opened first', async () => {
    const name = freshName();
    (await openDB(name, 1)).close();
    const h = await history(name);
    expect(await h.record(start('a', 100))).toBe(true);
    expect(await h.all()).toHaveLength(1);
    h.close();
  });

  it('is created at version 2 with the events and thoughts stores, and keeps data across opens', async () => {
    const name = freshName();
    const first = await openHistory(name);
    await first.recordMany([start('a', 100), end('a', 200)]);
    first.close();

    // Look at what the upgrade built, without going through the repository.
    const raw = await openDB(name);
    expect(raw.version).toBe(HISTORY_DB_VERSION);
    expect(HISTORY_DB_VERSION).toBe(2);
    expect([...raw.objectStoreNames].sort()).toEqual(['events', 'thoughts']);
    const store = raw.transaction('events').objectStore('events');
    expect(store.keyPath).toBe('key');
    expect([...store.indexNames]).toEqual(['at']);
    expect(store.index('at').keyPath).toBe('at');
    raw.close();

    // Reopening does not run the upgrade again: the events are still there.
    const again = await history(name);
    expect((await again.all()).map((e) => e.at)).toEqual([100, 200]);
    expect(await again.record(start('a', 100))).toBe(false);
  });

  it('keeps every row of a database from before the weekly choice: its facts join the same store, no upgrade needed', async () => {
    const name = freshName();
    // A version-2 database as the previous Hearth left it, a row of every kind it wrote.
    const old = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('events', { keyPath: 'key' }).createIndex('at', 'at');
        db.createObjectStore('thoughts', { keyPath: 'id' }).createIndex('parkedAt', 'parkedAt');
      },
    });
    const rows = [
      { key: 'boundary-start|w:1', at: 1, type: 'boundary-start', occurrenceKey: 'w:1', label: 'Dinner' },
      { key: 'held|w:1|site:s|tab:3', at: 2, type: 'held', occurrenceKey: 'w:1', label: 'Slack', count: 4 },
      { key: 'held|w:1|site:s|tab:4', at: 3, type: 'held', occurrenceKey: 'w:1', label: 'Slack', detail: '2' },
      { key: 'let-through|w:1|4|u', at: 4, type: 'let-through', occurrenceKey: 'w:1', label: 'Slack', detail: 'School office' },
      { key: 'boundary-end|w:1', at: 5, type: 'boundary-end', occurrenceKey: 'w:1', label: 'Dinner' },
      { key: 'override|w:1|5', at: 5, type: 'override', occurrenceKey: 'w:1', label: 'Dinner', detail: 'ended-early' },
    ];
    for (const row of rows) await old.put('events', row);
    await old.put('thoughts', { id: 't1', text: 'Reply to Sam', parkedAt: 2, handedBackAt: 5, doneAt: null });
    old.close();

    const h = await history(name);
    await h.recordMany([
      { type: 'week-answered', occurrenceKey: 'week:2025-03-09', label: '', at: 6, detail: '2025-03-09' },
      { type: 'moment-kept', occurrenceKey: 'w:2', label: "Tuesday's Dinner", at: 7, detail: '2025-03-09' },
    ]);
    expect((await h.all()).map((e) => e.key)).toEqual([...rows.map((r) => r.key), 'week-answered|week:2025-03-09', 'moment-kept|w:2']);
    h.close();
    const raw = await openDB(name);
    expect(raw.version).toBe(HISTORY_DB_VERSION);
    expect(await raw.getAll('thoughts')).toHaveLength(1);
    raw.close();
  });

  it('uses the name "hearth" unless told otherwise', async () => {
    const h = await openHistory();
    h.close();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toContain('hearth');
    // Leave no shared state for other test files.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('hearth');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
  });

  it('steps aside when a newer version of the database wants to open', async () => {
    const name = freshName();
    const h = await history(name);
    await h.record(start('a', 100));
    // What a future Hearth with the next HISTORY_DB_VERSION would do.
    const newer = await openDB(name, HISTORY_DB_VERSION + 1, {
      upgrade(db) {
        db.createObjectStore('notes');
      },
    });
    expect([...newer.objectStoreNames].sort()).toEqual(['events', 'notes', 'thoughts']);
    expect(await newer.count('events')).toBe(1);
    newer.close();
  });
});
