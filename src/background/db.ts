// Hearth's one IndexedDB database, on this device only: history events for
// reflection, and parked thoughts waiting for family time to end.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { HistoryEvent, ParkedThought } from '../core/records';

export interface HearthDB extends DBSchema {
  events: {
    key: string;
    value: HistoryEvent;
    indexes: { at: number };
  };
  thoughts: {
    key: string;
    value: ParkedThought;
    indexes: { parkedAt: number };
  };
}

export const HISTORY_DB_VERSION = 2;

export type HearthDatabase = IDBPDatabase<HearthDB>;

export async function openHearthDB(dbName = 'hearth'): Promise<HearthDatabase> {
  const db: HearthDatabase = await openDB<HearthDB>(dbName, HISTORY_DB_VERSION, {
    upgrade(database, oldVersion) {
      // One case per version step, each falling through to the next, so a database
      // at any older version is brought all the way up. Never edit a past case.
      switch (oldVersion) {
        case 0: {
          const events = database.createObjectStore('events', { keyPath: 'key' });
          events.createIndex('at', 'at');
        }
        // falls through
        case 1: {
          const thoughts = database.createObjectStore('thoughts', { keyPath: 'id' });
          thoughts.createIndex('parkedAt', 'parkedAt');
        }
        // falls through
        default:
          break;
      }
      // A database something else opened first, with no version, is an empty version 1:
      // mend what the steps above took for granted instead of failing on every read.
      if (!database.objectStoreNames.contains('events')) database.createObjectStore('events', { keyPath: 'key' }).createIndex('at', 'at');
    },
    // A newer Hearth (after an update) wants to upgrade: let it.
    blocking() {
      db.close();
    },
  });
  return db;
}

/** Opens the database for one piece of work and closes it after, whatever happens. */
export async function withHearthDB<T>(work: (db: HearthDatabase) => Promise<T>): Promise<T> {
  const db = await openHearthDB();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}
