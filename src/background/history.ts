// History, kept for the parent's own later reflection: when family time came on and
// went off, when it was ended early or skipped, and how many notifications work tabs
// held back. Plain facts, on this device only.
//
// reconcile() is idempotent and may run many times for the same transition, so a
// boundary event's key is deterministic (`${type}|${occurrenceKey}`) and recording it
// again is a no-op: the first record, with its `at`, stays. So is the weekly choice's:
// a week answered, a moment chosen, a chosen moment kept to its end. Held notifications are one
// row per boundary, site and tab, counted up (heldKey). Anything else is a separate fact
// each time, and two can share an occurrence and a millisecond, so its key ends in a
// random UUID: unique by construction. Not an IDB-generated key: that would need a new
// store and a copy of every stored record, where a UUID keeps the store and old keys.
import type { IDBPIndex } from 'idb';
import type { HistoryEvent, HistoryEventType } from '../core/records';
import { openHearthDB, type HearthDB } from './db';

/**
 * What callers hand in: the key is worked out here, so it is always the same for the
 * same boundary fact. Held rows are counted with countHeld instead.
 */
export type NewHistoryEvent = Omit<HistoryEvent, 'key' | 'type' | 'count'> & { type: Exclude<HistoryEventType, 'held'> };

/** A page that spams is counted up to this many in its one row, never in thousands of rows. */
export const HELD_ROW_MAX = 500;

/** A work tab's report of notifications its stand-ins held back since its last one. */
export interface HeldReport {
  /** epoch ms */
  at: number;
  /**
   * The occurrence key of the boundary on at `at`, or null when none is: a tab's last
   * report comes as its boundary ends, and belongs to the boundary that began last.
   */
  boundary: string | null;
  siteId: string;
  /** The site's name. */
  label: string;
  tabId: number;
  count: number;
}

/** A report with no boundary to belong to (history cleared since) still counts, here. */
const NO_BOUNDARY = 'none';

/** One row per boundary, site and tab: its count grows with each report. */
export function heldKey(boundary: string, siteId: string, tabId: number): string {
  return `held|${boundary}|site:${siteId}|tab:${tabId}`;
}

type AtIndex = IDBPIndex<HearthDB, ['events'], 'events', 'at', 'readwrite'>;

/** The occurrence key of the latest boundary start at or before `at`. */
async function latestStart(index: AtIndex, at: number): Promise<string | undefined> {
  for (let cursor = await index.openCursor(IDBKeyRange.upperBound(at), 'prev'); cursor; cursor = await cursor.continue()) {
    if (cursor.value.type === 'boundary-start') return cursor.value.occurrenceKey;
  }
  return undefined;
}

/** Facts recorded again when an apply is repeated: one row each, the first kept. */
const ONCE: ReadonlySet<HistoryEventType> = new Set(['boundary-start', 'boundary-end', 'week-answered', 'moment-chosen', 'moment-kept']);

export function historyKey(event: NewHistoryEvent): string {
  return ONCE.has(event.type)
    ? `${event.type}|${event.occurrenceKey}`
    : `${event.type}|${event.occurrenceKey}|${event.at}|${crypto.randomUUID()}`;
}

function toStored(event: NewHistoryEvent): HistoryEvent {
  if (!Number.isFinite(event.at)) {
    throw new RangeError(`history event at ${event.at}, not a time`);
  }
  const stored: HistoryEvent = {
    key: historyKey(event),
    at: event.at,
    type: event.type,
    occurrenceKey: event.occurrenceKey,
    label: event.label,
  };
  if (event.detail !== undefined) stored.detail = event.detail;
  return stored;
}

export interface History {
  /** Stores the event unless one with the same key is already there. Resolves true when stored. */
  record(event: NewHistoryEvent): Promise<boolean>;
  /** The same for many events, in one transaction. Resolves to how many were newly stored. */
  recordMany(events: readonly NewHistoryEvent[]): Promise<number>;
  /** Adds a report to its tab's row for its boundary, up to HELD_ROW_MAX. Resolves to the row's count. */
  countHeld(report: HeldReport): Promise<number>;
  /** Events with from <= at < to, oldest first. */
  between(from: number, to: number): Promise<HistoryEvent[]>;
  /** Every event, oldest first. */
  all(): Promise<HistoryEvent[]>;
  clear(): Promise<void>;
  close(): void;
}

export async function openHistory(dbName = 'hearth'): Promise<History> {
  const db = await openHearthDB(dbName);

  async function recordAll(events: readonly NewHistoryEvent[]): Promise<number> {
    const stored = events.map(toStored); // checks every event before writing any
    if (stored.length === 0) return 0;
    const tx = db.transaction('events', 'readwrite');
    let added = 0;
    // Sequential within the transaction, so a duplicate inside the batch is seen too.
    for (const event of stored) {
      if ((await tx.store.getKey(event.key)) === undefined) {
        await tx.store.add(event);
        added++;
      }
    }
    await tx.done;
    return added;
  }

  return {
    async record(event) {
      return (await recordAll([event])) === 1;
    },
    recordMany: recordAll,
    async countHeld(report) {
      // Read, add and write in one readwrite transaction: IndexedDB runs those on a
      // store one at a time, so reports arriving together never lose an increment.
      const tx = db.transaction('events', 'readwrite');
      const boundary = report.boundary ?? (await latestStart(tx.store.index('at'), report.at)) ?? NO_BOUNDARY;
      const key = heldKey(boundary, report.siteId, report.tabId);
      const row = await tx.store.get(key);
      const count = Math.min(HELD_ROW_MAX, (row?.count ?? 0) + report.count);
      // The row keeps the instant of its first report.
      const { at, label } = report;
      await tx.store.put(row ? { ...row, count } : { key, at, type: 'held', occurrenceKey: boundary, label, count });
      await tx.done;
      return count;
    },
    async between(from, to) {
      if (!(from < to)) return []; // also covers NaN
      return db.getAllFromIndex('events', 'at', IDBKeyRange.bound(from, to, false, true));
    },
    async all() {
      return db.getAllFromIndex('events', 'at');
    },
    async clear() {
      await db.clear('events');
    },
    close() {
      db.close();
    },
  };
}

/**
 * Notes facts whose change is already saved (an early ending, a way through, the week's
 * answer), for the parent's reflection. A history that can't be opened (IndexedDB
 * unavailable) must not make the change look refused, nor keep reconcile from applying it.
 */
export async function noteFacts(events: readonly NewHistoryEvent[]): Promise<void> {
  try {
    const history = await openHistory();
    try {
      await history.recordMany(events);
    } finally {
      history.close();
    }
  } catch (error) {
    console.error('Hearth: facts were not noted in history', error);
  }
}
