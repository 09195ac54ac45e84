// Parked thoughts are handed back as the worker applies the end of family time, which can
// come a moment (or, from a late alarm, a while) after the popup's clock says it is over.
import type { ThoughtsView } from '../../messages';

/** How long to wait before each look, in ms: about half a minute in all. */
const LOOKS = [500, 1000, 2000, 4000, 8000, 8000, 8000];

/**
 * Reads the thoughts again, a little later each time, and shows each answer, until none
 * waits (some may wait on for a later family time) or the looks run out. Returns a stop:
 * for when the popup moves on, or the parent changes the list (a late answer would undo it).
 */
export function lookForHandedBack(read: () => Promise<ThoughtsView>, show: (view: ThoughtsView) => void, looks: readonly number[] = LOOKS): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const look = (i: number) => {
    if (i >= looks.length) return;
    timer = setTimeout(async () => {
      const view = await read().catch(() => null);
      if (stopped) return;
      if (view) show(view);
      if (view?.waiting.length !== 0) look(i + 1);
    }, looks[i]);
  };
  look(0);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
