import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, test } from 'vitest';
import { sitePlans } from '../../core/quiet';
import type { WorkSite } from '../../core/settings';
import { calmUrl, rulesFor } from './pageRules';
import { tabPlanFor } from './sites';

const slack: WorkSite = { id: 'slack', pattern: 'app.slack.com', mode: 'dim' };
const jira: WorkSite = { id: 'jira', pattern: '*.atlassian.net', mode: 'set-aside' };
const now = 1_000_000;

describe('what each work tab shows', () => {
  test('during family time a work tab gets its site mode and the end of family time', () => {
    const plans = sitePlans([slack, jira], [], true, now);
    expect(tabPlanFor('https://app.slack.com/client/T1', plans, now + 5000)).toEqual({ siteId: 'slack', mode: 'dim', until: now + 5000 });
    expect(tabPlanFor('https://acme.atlassian.net/browse/X-1', plans, null)?.mode).toBe('set-aside');
  });

  test('a way through makes a dimmed site plainly quiet, until it runs out', () => {
    const passes = [{ siteId: 'slack', until: now + 60_000 }];
    expect(tabPlanFor('https://app.slack.com/', sitePlans([slack], passes, true, now), null)?.mode).toBe('quiet');
    expect(tabPlanFor('https://app.slack.com/', sitePlans([slack], passes, true, now + 60_000), null)?.mode).toBe('dim');
  });

  test('other pages, and every page outside family time, get no plan', () => {
    expect(tabPlanFor('https://example.com/', sitePlans([slack], [], true, now), null)).toBeNull();
    expect(tabPlanFor('https://app.slack.com/', sitePlans([slack], [], false, now), null)).toBeNull();
    expect(tabPlanFor(undefined, sitePlans([slack], [], true, now), null)).toBeNull();
  });
});

describe('set-aside page rules', () => {
  test('redirect only top-level pages of the site, keeping the whole address', () => {
    const [rule] = rulesFor([{ siteId: 'jira', requestDomains: ['atlassian.net'] }]);
    expect(rule!.condition).toMatchObject({ requestDomains: ['atlassian.net'], resourceTypes: ['main_frame'] });
    expect(rule!.action.redirect?.regexSubstitution).toBe(
      `chrome-extension://${fakeBrowser.runtime.id}/src/ui/calm/index.html?mode=aside&site=jira#\\0`,
    );
  });

  test('the calm page URL carries the site and the original address', () => {
    const url = new URL(calmUrl('a b', 'https://x.atlassian.net/browse/1?q=2#frag'));
    expect(url.searchParams.get('site')).toBe('a b');
    expect(url.hash).toBe('#https://x.atlassian.net/browse/1?q=2#frag');
  });
});
