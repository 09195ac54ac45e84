// In the top frame of a work page whose site's tabs are tucked away: when the page goes
// out of sight (the parent switched to another tab), it says so once, and the worker
// tucks its tab away if it was in front when family time began. Hearth never whisks a
// tab away from under the parent's eyes; this is how it knows they have looked away.
type Runtime = Pick<typeof chrome.runtime, 'sendMessage'>;

export function reportOutOfSight(signal: AbortSignal, runtime: Runtime, tucked: () => boolean): void {
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState !== 'hidden' || !tucked()) return;
      void runtime.sendMessage({ type: 'outOfSight' }).catch(() => undefined);
    },
    { signal },
  );
}
