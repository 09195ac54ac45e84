// Keeps unread counts ("(3) Inbox") out of a work page's title during family time,
// however often the site rewrites it, and, while the page is out of sight, any change
// of it at all; on abort the site's own latest title comes back.
import { stripUnreadCount } from '../core/titles';

/**
 * Each write is told apart as the site's or Hearth's, so at the end the site's own
 * latest title comes back (and a title the site already cleared stays clear).
 */
export function hideTitleCount(signal: AbortSignal): void {
  let real = document.title;
  /** Hearth's writes not yet seen by the observer, oldest first. */
  const pending: string[] = [];
  /** The title on the page now is one Hearth wrote. */
  let oursShowing = false;

  const write = (text: string) => {
    pending.push(text);
    document.title = text;
  };
  const seen = (text: string) => {
    const ours = pending.indexOf(text);
    if (ours !== -1) {
      pending.splice(0, ours + 1);
      oursShowing = true;
    } else {
      real = text;
      oursShowing = false;
      // The site wrote after us: whatever of ours was still on its way is superseded.
      // (Firefox reports no mutation for a write from the content script at all.)
      pending.length = 0;
    }
  };
  /**
   * Out of sight, the title holds still: a site that changes it in the background (a
   * blinking "New message!", "Sam is typing…") is calling the parent back, count or no
   * count. In sight again, the site's own latest title, without its count. A page with no
   * title yet (loading out of sight) holds the first it gets.
   */
  let held = '';
  const quiet = () => {
    if (pending.length) return; // our own write is still on its way
    const site = stripUnreadCount(oursShowing ? real : document.title);
    held = document.visibilityState === 'hidden' ? held || site : '';
    if ((held || site) !== document.title) write(held || site);
  };

  // Watches <head> for a new <title>, and the title element's text. At document_start
  // neither may exist yet: until <head> does, only the root's own children are watched
  // (no subtree: a long page's body would hand over a record for every node, profiled at
  // about 3.5 ms of its load), and each batch of records narrows the watch again.
  let root: Node | null = null;
  let el: Element | null = null;
  const watch = () => {
    const nowRoot = document.head ?? document.documentElement ?? document;
    const nowEl = document.querySelector('title');
    if (nowRoot === root && nowEl === el) return;
    observer.disconnect();
    // The document itself too: a page that swaps its root or calls `document.open()` gets a new <head>.
    observer.observe(document, { childList: true });
    observer.observe((root = nowRoot), { childList: true });
    if (nowEl) observer.observe(nowEl, { childList: true, characterData: true, subtree: true });
    // A title element not seen before (parsed, or put in by the site or by a write): its text is news.
    const fresh = nowEl !== el;
    el = nowEl;
    if (fresh && nowEl) seen(document.title);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') seen((record.target as Text).data);
      else if (record.target.nodeName === 'TITLE') seen(record.target.textContent ?? '');
    }
    watch();
    quiet();
  });
  watch();
  // Removed by the abort, so a page put back while still loading is left alone.
  if (document.readyState === 'loading') {
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        watch();
        if (!pending.length && !oursShowing) real = document.title;
        quiet();
      },
      { once: true, signal },
    );
  }
  // The event only says to look: whether the page is out of sight is the document's to say.
  document.addEventListener(
    'visibilitychange',
    () => {
      // Hearth's write still "on its way" is showing (Firefox never reports one; Chromium
      // has long reported it by now): from here it is known to be ours.
      if (pending.length) oursShowing = true;
      pending.length = 0;
      held = '';
      quiet();
    },
    { signal },
  );
  quiet();
  signal.addEventListener('abort', () => {
    observer.disconnect();
    if (oursShowing || pending.length) document.title = real;
  });
}
