// History, kept for the parent's own later reflection: when family time came on and
// went off, and when it was ended early or skipped. Plain facts, on this device only.
//
// reconcile() is idempotent and may run many times for the same transition, so a
// boundary event's key is deterministic (`${type}|${occurrenceKey}`) and recording it
// again is a no-op: the first record, with its `at`, stays. Anything else is a separate
// fact each time, and two can share an occurrence and a millisecond, so its key ends in
// a random UUID: unique by construction. Not an IDB-generated key: that would need a new
// store and a copy of every stored record, where a UUID keeps the store and old keys.
import { openHearthDB } from './db';

export type HistoryEventType = 'boundary-start' | 'boundary-end' | 'override' | 'held';

export interface HistoryEvent {
  /** `${type}|${occurrenceKey}` for boundaries; `${type}|${occurrenceKey}|${at}|${uuid}` otherwise (older ones lack the uuid) */
  key: string;
  /** epoch ms */
  at: number;
  type: HistoryEventType;
  occurrenceKey: string;
  label: string;
  /** e.g. "ended-early", "skipped-tonight"; older held rows: their count */
  detail?: string;
  /** Held rows: notifications held back in one tab during one boundary. */
  count?: number;
}

/** What callers hand in: the key is worked out here, so it is always the same for the same boundary fact. */
export type NewHistoryEvent = Omit<HistoryEvent, 'key'>;

export { HISTORY_DB_VERSION } from './db';

export function historyKey(event: NewHistoryEvent): string {
  return event.type === 'boundary-start' || event.type === 'boundary-end'
    ? `${event.type}|${event.occurrenceKey}`
    : `${event.type}|${event.occurrenceKey}|${event.at}|${crypto.randomUUID()}`;
}

function toStored(event: NewHistoryEvent): HistoryEvent {
  if (!Number.isFinite(event.at)) {
    throw new RangeError(`A history event needs a finite time (epoch ms), not ${String(event.at)}`);
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
