import * as v from 'valibot';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NO_POLICY, ORG_SITE, choiceFor, isFromOrganisation, ownPart, readPolicy, withPolicy } from './policy';
import { defaultSettings } from './settings/defaults';
import { SettingsSchema, type Settings } from './settings/schema';

const EVENINGS = { id: 'evenings', label: 'Evenings', days: [1, 2, 3, 4, 5], start: '19:00', end: '07:00' };
const WEEKENDS = { label: 'Weekends', days: [6], start: '00:00', end: '00:00', endDayOffset: 2 };
const FULL = {
  sites: [{ pattern: 'app.slack.com', mode: 'dim' }, { pattern: 'mail.google.com' }],
  windows: [EVENINGS, WEEKENDS],
  headsUp: false,
  headsUpMinutes: 20,
  welcomeBack: false,
};

describe('readPolicy', () => {
  test('every field of a policy is read as the organisation wrote it', () => {
    const policy = readPolicy(FULL);
    expect(policy.notes).toEqual([]);
    expect(policy.sites).toEqual([
      { id: 'org-site:app.slack.com', pattern: 'app.slack.com', mode: 'dim' },
      { id: 'org-site:mail.google.com', pattern: 'mail.google.com', mode: 'quiet' },
    ]);
    const [evenings, weekends] = policy.windows;
    expect(evenings).toEqual({ id: 'org-window:evenings', label: 'Evenings', kind: 'custom', days: [1, 2, 3, 4, 5], start: '19:00', end: '07:00', endDayOffset: 1, paused: false });
    expect(weekends).toMatchObject({ label: 'Weekends', days: [6], start: '00:00', end: '00:00', endDayOffset: 2 });
    expect(weekends!.id).toMatch(/^org-window:[0-9a-z]+$/);
    expect(policy.preferences).toEqual({ headsUp: false, headsUpMinutes: 20, handoff: false });
  });

  test('ids come from what each item is, not its place: a reordered policy keeps them', () => {
    const reordered = readPolicy({ ...FULL, sites: [...FULL.sites].reverse(), windows: [...FULL.windows].reverse() });
    const ids = (p: typeof reordered) => [...p.sites, ...p.windows].map((x) => x.id).sort();
    expect(ids(reordered)).toEqual(ids(readPolicy(FULL)));
  });

  test("a window's own id is the administrator's when given as text, else a digest of the window", () => {
    const [given, numbered, plain] = readPolicy({ windows: [EVENINGS, { ...EVENINGS, id: 7 }, { ...EVENINGS, id: ' ' }] }).windows;
    expect(given!.id).toBe('org-window:evenings');
    expect(numbered!.id).toMatch(/^org-window:[0-9a-z]+$/);
    // The same window twice is one window.
    expect(plain).toBeUndefined();
  });

  test('no policy, an empty one, or something that is not an object, is no policy', () => {
    for (const raw of [undefined, null, {}, [], 'sites', 3]) expect(readPolicy(raw)).toEqual(NO_POLICY);
  });

  test('a value it cannot use is set aside with a plain note; the rest is kept', () => {
    const policy = readPolicy({
      sites: [{ pattern: 'app.slack.com' }, { pattern: '*.com' }, { pattern: 'jira.example.org', mode: 'loud' }, { mode: 'dim' }, { pattern: 'Slack.com' }],
      windows: [EVENINGS, { label: 'Late', days: [1], start: '25:00', end: '07:00' }, 'weekends'],
      headsUp: 'yes',
      headsUpMinutes: 90,
      welcomeBack: true,
      reports: true,
    });
    expect(policy.sites.map((s) => s.pattern)).toEqual(['app.slack.com', 'slack.com']);
    expect(policy.windows.map((w) => w.label)).toEqual(['Evenings']);
    expect(policy.preferences).toEqual({ handoff: true });
    expect(policy.notes).toEqual([
      expect.stringMatching(/^Your organisation's work site number 2 was set aside: .*\*\.com/),
      `Your organisation's work site "jira.example.org" has a mode "loud" Hearth doesn't know, so it was set aside.`,
      `Your organisation's work site number 4 has no address Hearth can read, so it was set aside.`,
      expect.stringMatching(/^Your organisation's quiet hours "Late" has a start time "25:00" .*, so they were set aside\.$/),
      expect.stringMatching(/^Your organisation's quiet hours "Work's quiet hours" .*, so they were set aside\.$/),
      `Your organisation's setting "headsUp" couldn't be read, so yours is used.`,
      `Your organisation's setting "headsUpMinutes" couldn't be read, so yours is used.`,
    ]);
  });

  test('lists that are not lists are noted, and nothing else is lost', () => {
    const policy = readPolicy({ sites: 'app.slack.com', windows: { a: 1 }, headsUp: true });
    expect(policy.notes).toHaveLength(2);
    expect(policy.preferences).toEqual({ headsUp: true });
  });

  test('a policy with 1,000 sites is read whole', () => {
    const sites = Array.from({ length: 1000 }, (_, i) => ({ pattern: `tool${i}.example.com`, mode: i % 3 ? 'quiet' : 'dim' }));
    const policy = readPolicy({ sites });
    expect(policy.notes).toEqual([]);
    expect(policy.sites).toHaveLength(1000);
    const merged = withPolicy(defaultSettings(), policy);
    expect(v.is(SettingsSchema, merged)).toBe(true);
    expect(merged.sites.filter((s) => isFromOrganisation(s.id))).toHaveLength(1000);
  });

  test('whatever storage.managed holds, reading it never throws and the settings in force stay valid', () => {
    fc.assert(
      fc.property(fc.anything(), fc.record({ sites: fc.anything(), windows: fc.anything(), headsUp: fc.anything(), headsUpMinutes: fc.anything() }), (any, shaped) => {
        for (const raw of [any, shaped]) expect(v.is(SettingsSchema, withPolicy(defaultSettings(), readPolicy(raw)))).toBe(true);
      }),
    );
  });
});

/** The parent's settings with `change` applied. */
const own = (change: (s: Settings) => Partial<Settings>): Settings => {
  const s = defaultSettings();
  return { ...s, ...change(s) };
};

describe('withPolicy', () => {
  const policy = readPolicy(FULL);

  test("the organisation's sites and windows stand beside the parent's own", () => {
    const mine = own(() => ({ sites: [{ id: 'site-1', pattern: 'linear.app', mode: 'quiet' }] }));
    const merged = withPolicy(mine, policy);
    expect(merged.sites.map((s) => s.id)).toEqual(['org-site:app.slack.com', 'org-site:mail.google.com', 'site-1']);
    expect(merged.schedule.windows.map((w) => w.id)).toEqual([...mine.schedule.windows.map((w) => w.id), ...policy.windows.map((w) => w.id)]);
  });

  test("the parent's mode and name for an organisation's site are kept, under its own id", () => {
    const mine = own(() => ({ sites: [{ id: `${ORG_SITE}app.slack.com`, pattern: 'app.slack.com', mode: 'set-aside', name: 'Team chat' }] }));
    expect(withPolicy(mine, policy).sites[0]).toEqual({ id: 'org-site:app.slack.com', pattern: 'app.slack.com', mode: 'set-aside', name: 'Team chat' });
  });

  test("a site of the parent's own for the same address gives its mode, and waits unseen while the policy names it", () => {
    const mine = own(() => ({ sites: [{ id: 'site-1', pattern: '*.app.slack.com', mode: 'dim' }] }));
    const org = readPolicy({ sites: [{ pattern: 'app.slack.com' }] });
    expect(withPolicy(mine, org).sites).toEqual([{ id: 'org-site:app.slack.com', pattern: 'app.slack.com', mode: 'dim' }]);
    expect(choiceFor(mine.sites, org.sites[0]!)?.id).toBe('site-1');
    // An entry under the organisation's id wins over the same address.
    const both = own(() => ({ sites: [...mine.sites.map((s) => ({ ...s, pattern: 'linear.app' })), { id: 'org-site:app.slack.com', pattern: 'app.slack.com', mode: 'set-aside' }] }));
    expect(choiceFor(both.sites, org.sites[0]!)?.mode).toBe('set-aside');
  });

  test("without the policy, the parent's choices for its sites wait unseen, and their own sites are as they were", () => {
    const mine = own(() => ({ sites: [{ id: 'org-site:app.slack.com', pattern: 'app.slack.com', mode: 'dim' }, { id: 'site-1', pattern: 'linear.app', mode: 'quiet' }] }));
    expect(withPolicy(mine, NO_POLICY).sites.map((s) => s.id)).toEqual(['site-1']);
  });

  test("the organisation's defaults hold only for preferences the parent has not chosen", () => {
    expect(withPolicy(own(() => ({})), policy).preferences).toMatchObject({ headsUp: false, headsUpMinutes: 20, handoff: false });
    const chose = own((s) => ({ preferences: { ...s.preferences, headsUp: true }, chosenPreferences: ['headsUp'] }));
    expect(withPolicy(chose, policy).preferences).toMatchObject({ headsUp: true, headsUpMinutes: 20, handoff: false });
  });
});

test("the parent's own part holds nothing of the organisation's", () => {
  const mine = own((s) => ({
    sites: [{ id: 'org-site:app.slack.com', pattern: 'app.slack.com', mode: 'dim' }, { id: 'site-1', pattern: 'linear.app', mode: 'quiet' }],
    letThrough: [{ id: 'l1', text: 'School', siteId: 'org-site:app.slack.com' }, { id: 'l2', text: 'Nursery' }],
    schedule: { ...s.schedule, skips: [{ windowId: 'org-window:evenings', date: '2026-12-01' }, { windowId: 'dinner', date: '2026-12-01' }] },
  }));
  const mine2 = ownPart(mine);
  expect(mine2.sites.map((s) => s.id)).toEqual(['site-1']);
  expect(mine2.letThrough.map((r) => r.id)).toEqual(['l2']);
  expect(mine2.schedule.skips.map((k) => k.windowId)).toEqual(['dinner']);
  expect(v.is(SettingsSchema, mine2)).toBe(true);
});
