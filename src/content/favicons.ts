// Keeps unread badges out of a work site's tab icon during family time, the way
// the title watcher keeps counts out of the title. Sites draw their badge by
// pointing their icon links at another image (Gmail, Slack) or a drawn data URL
// (Teams); Hearth points every icon link at a plain icon instead, notes each
// address the site writes meanwhile, and at the end (its signal aborted) puts
// back the latest.
//
// The plain icon is the one the page's own HTML declared, when Hearth is there
// while the page loads (pages opened during family time), unless it is drawn (a data:
// or blob: address, which a script may have drawn a count on; a site's own inline icon
// so shows the quiet dot during family time). A page open before may
// already show a badge and Hearth fetches nothing from any site, so there it is
// a quiet dot drawn here, with no count on it.
import { watchHead, writeBudget } from './headWatch';

/**
 * A soft, warm dot: an icon with nothing to say. No network: it is all in the URL,
 * written as browsers read it, with only `#` escaped (a fully escaped one is twice as long).
 */
export const QUIET_ICON = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><circle cx='8' cy='8' r='6' fill='%23c9a98f'/></svg>";

const ICON = 'link[rel~="icon" i]';

const absolute = (href: string): string => {
  try {
    return new URL(href, document.baseURI).href;
  } catch {
    return href;
  }
};

export function hideIconBadges(signal: AbortSignal): void {
  /** The site's own address for each icon link Hearth has pointed elsewhere. */
  const real = new Map<HTMLLinkElement, string | null>();
  /**
   * What Hearth writes: the plain icon with a mark of its own, so every other
   * value seen is the site's (even the plain address itself, when the site
   * clears its badge that way).
   */
  let ours: string | null = null;
  let firstDeclared: string | undefined;
  // The page's declared icon counts as plain only if no icon was there when Hearth came.
  const declared = document.readyState === 'loading' && !document.querySelector(ICON);

  const isIcon = (n: Node): n is HTMLLinkElement => n instanceof HTMLLinkElement && n.matches(ICON);
  /** The plain icon's address, once chosen. */
  let plain: string | null = null;
  const point = (link: HTMLLinkElement) => {
    const now = link.getAttribute('href');
    if (ours === null || now === ours) return;
    // The site showing its plain icon itself: nothing to hide, nothing to put back.
    if (now !== null && absolute(now) === plain) {
      real.delete(link);
      return;
    }
    real.set(link, now);
    if (mayWrite()) link.setAttribute('href', ours);
  };
  const pointAll = () => document.querySelectorAll<HTMLLinkElement>(ICON).forEach(point);
  const mayWrite = writeBudget(signal, pointAll);

  const added = (node: Node) => {
    if (!isIcon(node)) return;
    // A drawn icon (a data: or blob: address, as from a canvas) may already carry a count,
    // even one a script put in as the page loaded: never taken as the plain one.
    if (declared && !/^(data|blob):/i.test(node.href)) firstDeclared ??= node.href;
    point(node);
  };
  const onRecords = (records: MutationRecord[]) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        if (isIcon(record.target)) point(record.target);
        continue;
      }
      // Gone for good, not moved (badge libraries re-insert a link to refresh the icon).
      for (const node of record.removedNodes) if (node instanceof HTMLLinkElement && !node.isConnected) real.delete(node);
      record.addedNodes.forEach(added);
    }
  };
  // Icon links live in <head>, which may not be parsed yet at document_start; a new one
  // (parsed, or put in by the site) has its icons taken as if just added.
  const observer = new MutationObserver((records) => {
    onRecords(records);
    onHead();
  });
  const headMoved = watchHead(observer, { attributes: true, attributeFilter: ['href', 'rel'] });
  const onHead = () => {
    if (!signal.aborted && headMoved() && document.head) document.querySelectorAll(ICON).forEach(added);
  };
  onHead();

  const whenParsed = () => {
    onRecords(observer.takeRecords());
    onHead();
    plain = (firstDeclared || QUIET_ICON).split('#')[0]!;
    ours = `${plain}#hearth`;
    pointAll();
  };
  // Removed by the abort, so a page put back while still loading is left alone.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenParsed, { once: true, signal });
  else whenParsed();

  signal.addEventListener('abort', () => {
    observer.disconnect();
    for (const [link, href] of real) {
      if (!link.isConnected || link.getAttribute('href') !== ours) continue;
      if (href === null) link.removeAttribute('href');
      else link.setAttribute('href', href);
    }
    real.clear();
  });
}
