import { describe, expect, test } from 'vitest';
import { sitePlans } from '../../core/quiet';
import type { WorkSite } from '../../core/settings/schema';
import { calmPageOf, calmUrl } from './calmPages';
import { tabPlanFor } from './sites';

const slack: WorkSite = { id: 'slack', pattern: 'app.slack.com', mode: 'dim' };
const jira: WorkSite = { id: 'jira', pattern: '*.atlassian.net', mode: 'set-aside' };
const now = 1_000_000;
const on = { from: null, until: null };

describe('what each work tab shows', () => {
  test('during family time a work tab gets its site mode and the end of family time', () => {
    const plans = sitePlans([slack, jira], [], true, now);
    expect(tabPlanFor('https://app.slack.com/client/T1', plans, { from: null, until: now + 5000 }, 10)).toEqual({
      siteId: 'slack',
      name: 'Slack',
      mode: 'dim',
      from: null,
      until: now + 5000,
      wayThroughMinutes: 10,
    });
    expect(tabPlanFor('https://acme.atlassian.net/browse/X-1', plans, on, 10)?.mode).toBe('set-aside');
  });

  test('a way through makes a dimmed site plainly quiet, until it runs out', () => {
    const passes = [{ siteId: 'slack', until: now + 60_000 }];
    expect(tabPlanFor('https://app.slack.com/', sitePlans([slack], passes, true, now), on, 10)?.mode).toBe('quiet');
    expect(tabPlanFor('https://app.slack.com/', sitePlans([slack], passes, true, now + 60_000), on, 10)?.mode).toBe('dim');
  });

  test('armed ahead of a start, a work tab is told when family time begins', () => {
    const armed = { from: now + 3000, until: now + 60_000 };
    expect(tabPlanFor('https://app.slack.com/', sitePlans([slack], [], true, now), armed, 10)).toMatchObject(armed);
  });

  test('other pages, and every page outside family time, get no plan', () => {
    expect(tabPlanFor('https://example.com/', sitePlans([slack], [], true, now), on, 10)).toBeNull();
    expect(tabPlanFor('https://app.slack.com/', sitePlans([slack], [], false, now), on, 10)).toBeNull();
    expect(tabPlanFor(undefined, sitePlans([slack], [], true, now), on, 10)).toBeNull();
  });
});

describe('set-aside calm pages', () => {
  test('the calm page URL carries the site and the original address, and reads back', () => {
    // A backtick and a space the browser would escape in a fragment, and a hash of its own.
    const original = 'https://x.atlassian.net/browse/1?q=`2` 3#frag';
    const url = new URL(calmUrl('a b', original));
    expect(url.protocol).toBe('chrome-extension:');
    expect(url.searchParams.get('site')).toBe('a b');
    expect(url.hash).toBe(`#${encodeURIComponent(original)}`);
    expect(calmPageOf(url.href)).toEqual({ siteId: 'a b', original });
  });

  test('a calm page standing in for no web address, or another page, is none of ours to send back', () => {
    expect(calmPageOf(calmUrl('jira', 'javascript:alert(1)'))).toBeNull();
    expect(calmPageOf('https://example.com/src/ui/calm/index.html?site=jira#https://x.atlassian.net/')).toBeNull();
    expect(calmPageOf(undefined)).toBeNull();
  });
});
