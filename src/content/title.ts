// Keeps unread counts ("(3) Inbox") out of a work page's title during family time,
// however often the site rewrites it, and, while the page is out of sight, any change
// of it at all; on abort the site's own latest title comes back.
import { stripUnreadCount } from '../core/titles';
import { watchHead, writeBudget } from './headWatch';

/**
 * Each change is told apart as the site's or Hearth's, so at the end the site's own
 * latest title comes back (and a title the site already cleared stays clear). Not by its
 * text: a site going back to exactly what Hearth wrote (a flashing title back to its
 * name) is the site's. Hearth takes its own write's record off the observer as it writes
 * (whether the engine made one or not), so every record the observer hands over is the site's.
 */
export function hideTitleCount(signal: AbortSignal): void {
  let real = document.title;
  /** The title on the page now is one Hearth wrote. */
  let oursShowing = false;

  const seen = (text: string) => {
    real = text;
    oursShowing = false;
  };
  /** The site's records: its title is whatever the page says now (none of Hearth's writes came since). */
  const take = (records: MutationRecord[]) => {
    if (records.some((r) => el?.contains(r.target))) seen(document.title);
    watch();
  };
  const mayWrite = writeBudget(signal, () => quiet());
  const write = (text: string) => {
    take(observer.takeRecords()); // the site's, from before this write
    if (!el || !mayWrite()) return; // (no title element: Hearth makes none, it would outlast the site's)
    document.title = text;
    observer.takeRecords(); // this write's own
    oursShowing = true;
  };
  /**
   * Out of sight, the title holds still: a site that changes it in the background (a
   * blinking "New message!", "Sam is typing…") is calling the parent back, count or no
   * count. In sight again, the site's own latest title, without its count. A page with no
   * title yet (loading out of sight) holds the first it gets.
   */
  let held = '';
  let sight = document.visibilityState;
  const quiet = () => {
    // (Asked here too: a page that writes itself anew with `document.open()` drops listeners.)
    if (document.visibilityState !== sight) [sight, held] = [document.visibilityState, ''];
    const site = stripUnreadCount(oursShowing ? real : document.title);
    held = sight === 'hidden' ? held || site : '';
    if ((held || site) !== document.title) write(held || site);
  };

  // Watches <head> for a new <title> (the page's title is the first in the document),
  // and the title element's text, wherever the site put it. At document_start neither
  // may exist yet; each batch of records watches anew.
  let el: Element | null = null;
  const watch = () => {
    const nowEl = document.querySelector('title');
    // A new title element: watched anew, the one before no longer.
    if (!headMoved(nowEl !== el)) return;
    if (nowEl) observer.observe(nowEl, { childList: true, characterData: true, subtree: true });
    // A title element not seen before (parsed, or put in by the site), or none any more: news.
    const fresh = nowEl !== el;
    el = nowEl;
    if (fresh) seen(document.title);
  };
  const observer = new MutationObserver((records) => {
    take(records);
    quiet();
  });
  const headMoved = watchHead(observer, {});
  watch();
  // Removed by the abort, so a page put back while still loading is left alone.
  if (document.readyState === 'loading') {
    document.addEventListener(
      'DOMContentLoaded',
      () => {
        take(observer.takeRecords());
        if (!oursShowing) real = document.title;
        quiet();
      },
      { once: true, signal },
    );
  }
  // Only a real change of sight counts: the page can dispatch the event, but it can't
  // change what the document tells Hearth's own world.
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === sight) return;
      take(observer.takeRecords());
      quiet();
    },
    { signal },
  );
  quiet();
  signal.addEventListener('abort', () => {
    take(observer.takeRecords());
    observer.disconnect();
    if (oursShowing) document.title = real;
  });
}
