// Keeps unread badges out of a work site's tab icon during family time, the way
// the title watcher keeps counts out of the title. Sites draw their badge by
// pointing their icon links at another image (Gmail, Slack) or a drawn data URL
// (Teams); Hearth points every icon link at the site's plain icon instead, notes
// each address the site writes meanwhile, and at the end puts back the latest.
//
// The plain icon is the one the page's own HTML declared, when Hearth is there
// while the page loads (pages opened during family time); for a page open before,
// whose icon may already carry a badge, it is the site's /favicon.ico. Either is
// loaded once first: when it doesn't load, the icons are left as they are.

const ICON = 'link[rel~="icon" i]';

export function watchIcons(): { stop(): void } {
  /** The site's own address for each icon link Hearth has pointed elsewhere. */
  const real = new Map<HTMLLinkElement, string | null>();
  /**
   * What Hearth writes: the plain icon with a mark of its own, so every other
   * value seen is the site's (even the plain address itself, when the site
   * clears its badge that way).
   */
  let ours: string | null = null;
  let firstDeclared: string | undefined;
  let stopped = false;
  // The page's declared icon counts as plain only if no icon was there when Hearth came.
  const declared = document.readyState === 'loading' && !document.querySelector(ICON);

  const isIcon = (n: Node): n is HTMLLinkElement => n instanceof HTMLLinkElement && n.matches(ICON);
  const point = (link: HTMLLinkElement) => {
    const now = link.getAttribute('href');
    if (ours === null || now === ours) return;
    real.set(link, now);
    link.setAttribute('href', ours);
  };

  const onRecords = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (isIcon(record.target)) point(record.target);
        continue;
      }
      // Gone for good, not moved (badge libraries re-insert a link to refresh the icon).
      for (const node of record.removedNodes) if (node instanceof HTMLLinkElement && !node.isConnected) real.delete(node);
      for (const node of record.addedNodes) {
        if (!isIcon(node)) continue;
        if (declared) firstDeclared ??= node.href;
        point(node);
      }
    }
  };
  const observer = new MutationObserver(onRecords);
  // Icon links live in <head>, which may not be parsed yet at document_start: watch
  // from the root until it is, then only <head> (a busy page's body changes all the time).
  const watch = (root: Node) =>
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['href', 'rel'] });
  watch(document.head ?? document.documentElement ?? document);

  const fallback = new URL('/favicon.ico', location.origin).href;
  const tryPlain = (plain: string) => {
    const probe = new Image();
    probe.onload = () => {
      if (stopped) return;
      ours = `${plain.split('#')[0]}#hearth`;
      document.querySelectorAll<HTMLLinkElement>(ICON).forEach(point);
    };
    // The declared icon may be `data:,` or broken: the site's /favicon.ico, once.
    probe.onerror = () => {
      if (!stopped && plain !== fallback) tryPlain(fallback);
    };
    probe.src = plain;
  };
  const whenParsed = () => {
    if (stopped) return;
    if (document.head) {
      onRecords(observer.takeRecords());
      observer.disconnect();
      watch(document.head);
    }
    tryPlain(firstDeclared || fallback);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenParsed, { once: true });
  else whenParsed();

  return {
    stop() {
      stopped = true;
      observer.disconnect();
      for (const [link, href] of real) {
        if (!link.isConnected || link.getAttribute('href') !== ours) continue;
        if (href === null) link.removeAttribute('href');
        else link.setAttribute('href', href);
      }
      real.clear();
    },
  };
}
