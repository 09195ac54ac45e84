// `set aside` mode: declarativeNetRequest sends work pages to Hearth's calm page
// while family time is on, keeping the original address in the calm page's
// hash so nothing is lost. Tabs already open are sent there too, and brought
// back to where they were when the site is no longer set aside.
import browser, { type DeclarativeNetRequest } from 'webextension-polyfill';
import { settle } from './tabs';

export const CALM_PAGE = 'src/ui/calm/index.html';

export interface AsideSite {
  siteId: string;
  requestDomains: string[];
  /** Match patterns of the site, to find its open tabs. */
  patterns: string[];
}

export function calmUrl(siteId: string, original: string): string {
  return `${browser.runtime.getURL(CALM_PAGE)}?mode=aside&site=${encodeURIComponent(siteId)}#${original}`;
}

export function rulesFor(sites: AsideSite[]): DeclarativeNetRequest.Rule[] {
  return sites.map((site, i) => ({
    id: i + 1,
    priority: 1,
    action: {
      type: 'redirect',
      // \0 is the whole original URL: it rides along in the calm page's hash.
      redirect: { regexSubstitution: calmUrl(site.siteId, '\\0') },
    },
    condition: { regexFilter: '^https?://.*$', requestDomains: site.requestDomains, resourceTypes: ['main_frame'] },
  }));
}

/**
 * `sites`: set-aside sites Hearth has access to (rules and open tabs);
 * `asideIds`: every site set aside now, with access or not (a calm page of one stays).
 */
export async function applyPageRules(sites: AsideSite[], asideIds: ReadonlySet<string>): Promise<void> {
  const dnr = browser.declarativeNetRequest;
  const want = rulesFor(sites);
  const have = await dnr.getDynamicRules();
  if (JSON.stringify(comparable(have)) !== JSON.stringify(comparable(want))) {
    await dnr.updateDynamicRules({ removeRuleIds: have.map((r) => r.id), addRules: want });
  }
  await moveOpenTabs(sites, asideIds);
}

async function moveOpenTabs(sites: AsideSite[], aside: ReadonlySet<string>): Promise<void> {
  // Open work tabs of a set-aside site go to the calm page…
  for (const site of sites) {
    if (!site.patterns.length) continue;
    for (const tab of await browser.tabs.query({ url: site.patterns })) {
      // A tab may be navigating already (e.g. just redirected): leave it to the rule.
      if (tab.id !== undefined && tab.url) await settle(browser.tabs.update(tab.id, { url: calmUrl(site.siteId, tab.url) }));
    }
  }
  // …and calm pages of sites no longer set aside go back to where they were.
  const calmPage = browser.runtime.getURL(CALM_PAGE);
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined || !tab.url?.startsWith(calmPage)) continue;
    const url = new URL(tab.url);
    const siteId = url.searchParams.get('site');
    const original = url.hash.slice(1);
    if (url.searchParams.get('mode') !== 'aside' || !siteId || aside.has(siteId) || !/^https?:\/\//.test(original)) continue;
    await settle(browser.tabs.update(tab.id, { url: original }));
  }
}

/** Rules as Chromium returns them may carry defaults; compare only what we set. */
function comparable(rules: DeclarativeNetRequest.Rule[]) {
  return rules.map((r) => ({
    id: r.id,
    redirect: r.action.redirect?.regexSubstitution,
    domains: r.condition.requestDomains,
  }));
}
