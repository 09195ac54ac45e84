// The worker's side of reflection: read history and parked thoughts from the
// device's own database, save them as a file for the parent, or delete them all.
// The reflection page works out what they say (core/reflection.ts `reflect`): the
// worker, which loads at every wake, does not carry what only that page uses.
import type { ReflectionSource } from '../core/reflection';
import type { HistoryEvent, ParkedThought } from '../core/records';
import { withHearthDB } from './db';

const EXPORT_FORMAT = 'hearth-history';
const EXPORT_VERSION = 1;

/** The document "Export history" saves. */
interface HistoryExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601, UTC */
  exportedAt: string;
  /** Oldest first. */
  events: HistoryEvent[];
  /** Oldest first. */
  thoughts: ParkedThought[];
}

async function readAll(): Promise<{ events: HistoryEvent[]; thoughts: ParkedThought[] }> {
  return withHearthDB(async (db) => {
    const tx = db.transaction(['events', 'thoughts']);
    const [events, thoughts] = await Promise.all([
      tx.objectStore('events').index('at').getAll(),
      tx.objectStore('thoughts').index('parkedAt').getAll(),
      tx.done,
    ]);
    return { events, thoughts };
  });
}

/** What reflection is worked out from: the history and the parked thoughts (the page counts the favourites). */
export async function reflectionSource(): Promise<Omit<ReflectionSource, 'favourites'>> {
  return readAll();
}

/** The whole history as a versioned JSON document, for the parent to keep. */
export async function exportHistory(now: number = Date.now()): Promise<{ json: string }> {
  const { events, thoughts } = await readAll();
  const doc: HistoryExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    events,
    thoughts,
  };
  return { json: `${JSON.stringify(doc, null, 2)}\n` };
}

/** Deletes every history event and every parked thought, in one step. */
export async function clearHistory(): Promise<{ ok: true }> {
  await withHearthDB(async (db) => {
    const tx = db.transaction(['events', 'thoughts'], 'readwrite');
    await Promise.all([tx.objectStore('events').clear(), tx.objectStore('thoughts').clear(), tx.done]);
  });
  return { ok: true };
}
