import { describe, expect, it } from 'vitest';
import { NO_POLICY, readPolicy, withPolicy } from './policy';
import { defaultSettings } from './settings/defaults';
import { desiredState } from './desired';

const policy = {
  sites: [
    { pattern: 'app.slack.com', mode: 'dim' },
    { pattern: 'mail.example.com' },
  ],
  windows: [{ label: 'Evenings', days: [1, 2, 3, 4, 5], start: '19:00', end: '07:00' }],
  headsUp: false,
  headsUpMinutes: 15,
  welcomeBack: true,
};

describe('readPolicy', () => {
  it('reads sites, windows and defaults, each with an organisation id', () => {
    const read = readPolicy(policy);
    expect(read.notes).toEqual([]);
    expect(read.sites).toEqual([
      { id: 'org-site:app.slack.com', pattern: 'app.slack.com', mode: 'dim' },
      { id: 'org-site:mail.example.com', pattern: 'mail.example.com', mode: 'quiet' },
    ]);
    expect(read.windows).toEqual([
      { id: 'org-window-1', label: 'Evenings', kind: 'custom', days: [1, 2, 3, 4, 5], start: '19:00', end: '07:00', endDayOffset: 1, paused: false },
    ]);
    expect(read.preferences).toEqual({ headsUp: false, headsUpMinutes: 15, handoff: true });
  });

  it('sets aside what it cannot use with a plain note, and keeps the rest', () => {
    const read = readPolicy({
      sites: [{ pattern: '*.com' }, { pattern: 'ok.example', mode: 'loud' }, { pattern: 'fine.example' }, { pattern: 'fine.example' }],
      windows: [{ label: 'Late', days: [1], start: '25:00', end: '07:00' }],
      headsUp: 'yes',
      headsUpMinutes: 500,
    });
    expect(read.sites.map((s) => s.pattern)).toEqual(['fine.example']);
    expect(read.windows).toEqual([]);
    expect(read.notes).toHaveLength(5);
    expect(read.notes[0]).toMatch(/^Your organisation's work site number 1 was set aside: /);
    expect(read.notes[1]).toBe('Your organisation\'s work site "ok.example" has a mode "loud" Hearth doesn\'t know, so it was set aside.');
    expect(read.notes[2]).toMatch(/^Your organisation's quiet hours "Late" .+, so they were set aside\.$/);
  });

  it('is no policy when there is none, or nothing readable', () => {
    for (const raw of [undefined, null, {}, [], 'text']) expect(readPolicy(raw)).toEqual(NO_POLICY);
  });

  it('reads a thousand sites well within a reconcile’s budget', () => {
    const sites = Array.from({ length: 1000 }, (_, i) => ({ pattern: `site${i}.example.com`, mode: 'quiet' }));
    const started = performance.now();
    const read = readPolicy({ sites });
    const settings = withPolicy(defaultSettings(), read);
    desiredState(settings, [], Date.now());
    expect(read.sites).toHaveLength(1000);
    expect(settings.sites).toHaveLength(1000);
    // Printed, not asserted: the scale benchmark keeps the figures.
    console.log(`1,000 organisation sites read and planned in ${Math.round(performance.now() - started)} ms`);
  });
});

describe('withPolicy', () => {
  const read = readPolicy(policy);

  it("puts the organisation's sites and windows beside the parent's own", () => {
    const own = defaultSettings();
    own.sites = [{ id: 'mine', pattern: 'linear.app', mode: 'quiet' }];
    const inForce = withPolicy(own, read);
    expect(inForce.sites.map((s) => s.id)).toEqual(['org-site:app.slack.com', 'org-site:mail.example.com', 'mine']);
    expect(inForce.schedule.windows.map((w) => w.id)).toEqual(['dinner', 'bedtime', 'weekend', 'org-window-1']);
  });

  it("keeps the parent's choice of mode and name for an organisation's site, and one entry per site", () => {
    const own = defaultSettings();
    own.sites = [
      { id: 'org-site:app.slack.com', pattern: 'app.slack.com', mode: 'quiet', name: 'Team Slack' },
      { id: 'earlier', pattern: 'mail.example.com', mode: 'set-aside' },
    ];
    const inForce = withPolicy(own, read);
    expect(inForce.sites).toEqual([
      { id: 'org-site:app.slack.com', pattern: 'app.slack.com', mode: 'quiet', name: 'Team Slack' },
      { id: 'org-site:mail.example.com', pattern: 'mail.example.com', mode: 'set-aside' },
    ]);
  });

  it('drops what the organisation no longer sets', () => {
    const own = defaultSettings();
    own.sites = [{ id: 'org-site:gone.example', pattern: 'gone.example', mode: 'dim' }];
    own.schedule.windows.push({ ...read.windows[0]!, id: 'org-window-9' });
    const inForce = withPolicy(own, readPolicy({ sites: [{ pattern: 'kept.example' }] }));
    expect(inForce.sites.map((s) => s.id)).toEqual(['org-site:kept.example']);
    expect(withPolicy(own, NO_POLICY).sites).toEqual([]);
    expect(inForce.schedule.windows.some((w) => w.id === 'org-window-9')).toBe(false);
  });

  it('is the parent’s own settings when there is no policy', () => {
    const own = defaultSettings();
    expect(withPolicy(own, NO_POLICY)).toBe(own);
  });
});
