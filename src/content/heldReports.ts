// Notifications the stand-ins held back, told to the worker (a report, not a
// command): at most once a second, and whatever is left when the page goes away
// or the signal aborts. A page that spams is counted up to a bound, never
// thousands of messages.

const BOUND = 500;
/** The most one report may carry (the worker's message schema says so too). */
const MOST = 100;

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
  addEventListener('pagehide', send, { signal });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    send();
  });
  return () => {
    if (sent + held >= BOUND) return;
    held++;
    timer ??= setTimeout(send, 1000);
  };
}
