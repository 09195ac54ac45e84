// What the title and icon watchers share: where a page's title and icons live, and how
// often Hearth may write them.

/**
 * Watches <head>'s whole subtree (`inHead`, a few dozen nodes), and the root's and the
 * document's own children: a page that puts in a new <head> or a new root, or writes
 * itself anew with `document.open()`, is followed. Never the body: a long page would hand
 * over a record for every node of it (profiled at several ms of its load). Call the
 * returned function with each batch of records: it watches anew when the head or the
 * root changed, and then says so.
 */
export function watchHead(observer: MutationObserver, inHead: MutationObserverInit): () => boolean {
  let root: Element | null | undefined;
  let head: HTMLHeadElement | null = null;
  return () => {
    if (document.documentElement === root && document.head === head) return false;
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
 * Each write asks the returned function first.
 */
export function writeBudget(signal: AbortSignal, again: () => void): () => boolean {
  let spent = 0;
  let pause = 250;
  let later: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(later));
  return () => {
    if (spent++ === 0) setTimeout(() => (spent > 50 || (pause = 250), (spent = 0)));
    if (spent <= 50) return true;
    if (later === undefined && !signal.aborted) {
      pause = Math.min(pause * 2, 8000);
      later = setTimeout(() => ((later = undefined), again()), pause);
    }
    return false;
  };
}
