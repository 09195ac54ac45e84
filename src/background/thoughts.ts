// Parked work thoughts: typed during family time, kept on this device, handed
// back gently when it ends. Nothing is ever sent anywhere.
import type { ThoughtsView } from '../messages';
import { newId } from '../core/ids';
import type { ParkedThought } from '../core/records';
import { withHearthDB } from './db';

function viewOf(thoughts: ParkedThought[]): ThoughtsView {
  const open = thoughts.filter((t) => t.doneAt === null).sort((a, b) => a.parkedAt - b.parkedAt);
  return {
    waiting: open.filter((t) => t.handedBackAt === null),
    handedBack: open.filter((t) => t.handedBackAt !== null),
  };
}

export const thoughtsView = (): Promise<ThoughtsView> =>
  withHearthDB(async (db) => viewOf(await db.getAll('thoughts')));

export async function parkThought(text: string, now: number): Promise<ThoughtsView> {
  return withHearthDB(async (db) => {
    await db.put('thoughts', { id: newId('thought'), text, parkedAt: now, handedBackAt: null, doneAt: null });
    return viewOf(await db.getAll('thoughts'));
  });
}

/** Family time is over: every waiting thought is handed back. Returns how many. */
export async function handBack(now: number): Promise<number> {
  return withHearthDB(async (db) => {
    const tx = db.transaction('thoughts', 'readwrite');
    const waiting = (await tx.store.getAll()).filter((t) => t.handedBackAt === null && t.doneAt === null);
    for (const t of waiting) await tx.store.put({ ...t, handedBackAt: now });
    await tx.done;
    return waiting.length;
  });
}

/** Done keeps the thought for reflection's count; clear lets it go. */
export async function thoughtAction(id: string, action: 'done' | 'clear', now: number): Promise<ThoughtsView> {
  return withHearthDB(async (db) => {
    const thought = await db.get('thoughts', id);
    if (thought && action === 'done') await db.put('thoughts', { ...thought, doneAt: now });
    if (thought && action === 'clear') await db.delete('thoughts', id);
    return viewOf(await db.getAll('thoughts'));
  });
}
