// `set aside` mode: a work page that starts loading during family time stops before
// its scripts run (content/aside.ts) and the worker opens Hearth's calm page in its
// tab, keeping the address the parent was going to. Nothing of Hearth's is
// web-accessible: a web page can neither open, frame nor fetch the calm page (see
// docs/trust.md). When the site is no longer set aside, calm pages go back there.
// Tabs already open stay where they are, under the calm overlay.
import { addressOfCalmFragment, calmFragment } from '../../core/calmAddress';
import { browser } from '../ext';
import { settle } from './tabs';

const CALM_PAGE = 'src/ui/calm/index.html';

export function calmUrl(siteId: string, original: string): string {
  return `${browser.runtime.getURL(CALM_PAGE)}?site=${encodeURIComponent(siteId)}#${calmFragment(original)}`;
}

/** The site and address a calm page stands in for, when `url` is one. */
export function calmPageOf(url: string | undefined): { siteId: string; original: string } | null {
  if (!url?.startsWith(browser.runtime.getURL(CALM_PAGE))) return null;
  const parsed = new URL(url);
  const siteId = parsed.searchParams.get('site');
  const original = addressOfCalmFragment(parsed.hash.slice(1));
  return siteId && /^https?:\/\//.test(original) ? { siteId, original } : null;
}

/** Opens the calm page in place of a set-aside page that started loading. */
export async function setAside(tabId: number, siteId: string, original: string): Promise<void> {
  await settle(browser.tabs.update(tabId, { url: calmUrl(siteId, original) }));
}

/**
 * The tabs showing a calm page now, with its address. The browser names an extension's own
 * pages to it through `runtime.getContexts`; `tabs.query` leaves their addresses out
 * without the tabs permission in some versions (Chromium 150), so both are asked.
 */
async function calmTabs(): Promise<Map<number, string>> {
  const [tabs, contexts] = await Promise.all([
    browser.tabs.query({}),
    browser.runtime.getContexts?.({ contextTypes: ['TAB'] }).catch(() => []) ?? [],
  ]);
  const found = new Map<number, string>();
  for (const tab of tabs) if (tab.id !== undefined && tab.url) found.set(tab.id, tab.url);
  // The tab's own address when the browser gives it (it has the calm page's fragment, which holds where the parent was going).
  for (const c of contexts) if (c.frameId === 0 && c.tabId >= 0 && c.documentUrl && !calmPageOf(found.get(c.tabId))) found.set(c.tabId, c.documentUrl);
  return found;
}

/** Calm pages of sites no longer set aside go back to where the parent was going. */
export async function returnCalmPages(aside: ReadonlySet<string>): Promise<void> {
  for (const [tabId, url] of await calmTabs()) {
    const calm = calmPageOf(url);
    if (!calm || aside.has(calm.siteId)) continue;
    await settle(browser.tabs.update(tabId, { url: calm.original }));
  }
}
