// What the title and icon watchers share: where a page's title and icons live, and how
// often Hearth may write them.

/**
 * Watches <head>'s whole subtree (`inHead`, a few dozen nodes), and the root's and the
 * document's own children: a page that puts in a new <head> or a new root, or writes
 * itself anew with `document.open()`, is followed. Never the body: a long page would hand
 * over a record for every node of it (profiled at several ms of its load). Call the
 * returned function after each batch of records: it watches anew (`observer` disconnected
 * first, so the caller adds what else it watches) when the head or the root changed, or
 * when `anew` says to, and then says so.
 */
export function watchHead(observer: MutationObserver, inHead: MutationObserverInit): (anew?: boolean) => boolean {
  let root: Element | null | undefined;
  let head: HTMLHeadElement | null = null;
  return (anew = false) => {
    if (!anew && document.documentElement === root && document.head === head) return false;
    observer.disconnect();
    observer.observe(document, { childList: true });
    if ((root = document.documentElement)) observer.observe(root, { childList: true });
    if ((head = document.head)) observer.observe(head, { ...inHead, childList: true, subtree: true });
    return true;
  };
}

/**
 * Fifty writes in one task at most: a page (or another extension) that writes back each
 * time Hearth writes would otherwise go back and forth with it without end, and hang its
 * tab. Past them the page keeps what it wrote, and `again` is called a little later (half
 * a second, doubling to 8 s while the page keeps on), so a page that stops is quiet again.
 * Each write asks the returned function first. The count starts again at the next task,
 * told by a port message (a hidden tab's timers wait a second or more).
 */
export function writeBudget(signal: AbortSignal, again: () => void): () => boolean {
  let spent = 0;
  let pause = 250;
  let later: ReturnType<typeof setTimeout> | undefined;
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => (spent > 50 || (pause = 250), (spent = 0));
  signal.addEventListener('abort', () => {
    clearTimeout(later);
    port1.close();
  });
  return () => {
    if (spent++ === 0) port2.postMessage(0);
    if (spent <= 50) return true;
    if (later === undefined && !signal.aborted) {
      pause = Math.min(pause * 2, 8000);
      later = setTimeout(() => ((later = undefined), again()), pause);
    }
    return false;
  };
}
