// Whether the parent typed or clicked in a work page during family time. At the end
// the worker reloads work tabs nobody touched (so a site subscribes to push again),
// never one the parent may be writing in. Only the browser's own events count.

/** Starts noticing; returns whether the parent has touched the page so far. */
export function noticeTouches(signal: AbortSignal): () => boolean {
  let touched = false;
  const touch = (e: Event) => {
    if (e.isTrusted) touched = true;
  };
  addEventListener('keydown', touch, { capture: true, signal });
  addEventListener('pointerdown', touch, { capture: true, signal });
  return () => touched;
}
