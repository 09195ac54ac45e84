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

/** Calm pages of sites no longer set aside go back to where the parent was going. */
export async function returnCalmPages(aside: ReadonlySet<string>): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    const calm = calmPageOf(tab.url);
    if (tab.id === undefined || !calm || aside.has(calm.siteId)) continue;
    await settle(browser.tabs.update(tab.id, { url: calm.original }));
  }
}
