// The worker's side of reflection: read history and parked thoughts from the
// device's own database, or delete them all. The reflection page works out what they
// say (core/reflection.ts `reflect`) and makes the file the parent saves
// (core/historyExport.ts): the worker, which loads at every wake, does not carry what
// only that page uses.
import type { ReflectionSource } from '../core/reflection';
import type { HistoryEvent, ParkedThought } from '../core/records';
import { withHearthDB } from './db';

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

/** Deletes every history event and every parked thought, in one step. */
export async function clearHistory(): Promise<{ ok: true }> {
  await withHearthDB(async (db) => {
    const tx = db.transaction(['events', 'thoughts'], 'readwrite');
    await Promise.all([tx.objectStore('events').clear(), tx.objectStore('thoughts').clear(), tx.done]);
  });
  return { ok: true };
}
