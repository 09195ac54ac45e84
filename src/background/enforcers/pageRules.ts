// `set aside` mode: declarativeNetRequest sends work pages to Hearth's calm page
// while family time is on, keeping the original address in the calm page's
// hash so nothing is lost, and brings them back when the site is no longer set
// aside. Tabs already open stay where they are, under the calm overlay.
import browser, { type DeclarativeNetRequest } from 'webextension-polyfill';
import { settle } from './tabs';

export const CALM_PAGE = 'src/ui/calm/index.html';

export interface AsideSite {
  siteId: string;
  requestDomains: string[];
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
 * `sites`: set-aside sites Hearth has access to (their rules);
 * `asideIds`: every site set aside now, with access or not (a calm page of one stays).
 */
export async function applyPageRules(sites: AsideSite[], asideIds: ReadonlySet<string>): Promise<void> {
  const dnr = browser.declarativeNetRequest;
  const want = rulesFor(sites);
  const have = await dnr.getDynamicRules();
  if (JSON.stringify(comparable(have)) !== JSON.stringify(comparable(want))) {
    await dnr.updateDynamicRules({ removeRuleIds: have.map((r) => r.id), addRules: want });
  }
  await returnCalmPages(asideIds);
}

/**
 * Calm pages of sites no longer set aside go back to where the parent was going.
 * Tabs already open on a set-aside site are not moved: the calm overlay covers them,
 * so nothing typed there is lost (see quiet.ts); only new loads meet the rule.
 */
async function returnCalmPages(aside: ReadonlySet<string>): Promise<void> {
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
