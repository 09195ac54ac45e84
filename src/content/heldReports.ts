// Notifications the stand-ins held back, told to the worker (a report, not a
// command): at most once in five minutes, and whatever is left when the page goes away
// or the signal aborts (family time ends). Each message starts the worker or keeps it
// awake half a minute more, so a busy chat that reported every second kept it running
// all through family time; counted for reflection, the figure can wait. A page that
// spams is counted up to a bound, never thousands of messages.

const BOUND = 500;
/** The most one report may carry (the worker's message schema says so too). */
const MOST = 100;
const EVERY_MS = 5 * 60_000;

/** Starts counting; returns what to call for each notification held. */
export function reportHeld(signal: AbortSignal, runtime: typeof chrome.runtime): () => void {
  let sent = 0;
  let held = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    timer = undefined;
    while (held > 0) {
      const count = Math.min(held, MOST);
      held -= count;
      sent += count;
      try {
        runtime.sendMessage({ type: 'held', count }).catch(() => undefined);
      } catch {
        /* the extension context is already gone */
      }
    }
  };
  // The browser's own pagehide only: the page can dispatch one to time the reports itself.
  addEventListener('pagehide', (e) => e.isTrusted && send(), { signal });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    send();
  });
  return () => {
    if (sent + held >= BOUND) return;
    held++;
    timer ??= setTimeout(send, EVERY_MS);
  };
}
