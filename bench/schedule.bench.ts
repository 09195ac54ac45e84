// The pure engine's cost per call with the default windows plus a few more:
// what every reconcile pays. Reported as microseconds per call.
import { test } from 'vitest';
import { desiredState } from '../src/core/desired';
import { compileSites } from '../src/core/siteMatching';
import { defaultSettings } from '../src/core/settings/defaults';
import { stripUnreadCount } from '../src/core/titles';
import { record } from './record';

function perCall(fn: (i: number) => unknown, calls: number): number {
  for (let i = 0; i < Math.min(200, calls); i++) fn(i); // warm up
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) fn(i);
  return Number((((performance.now() - t0) * 1000) / calls).toFixed(2));
}

test('schedule, sites and titles per call', () => {
  process.env.TZ = 'Europe/London';
  const settings = defaultSettings();
  settings.sites = ['app.slack.com', 'mail.google.com', 'teams.microsoft.com', '*.atlassian.net', 'github.com'].map(
    (pattern, i) => ({ id: `s${i}`, pattern, mode: 'quiet' as const }),
  );
  const start = Date.UTC(2026, 10, 25);
  const compiled = compileSites(settings.sites);
  record('core-per-call', {
    'desiredState µs': perCall((i) => desiredState(settings, [], start + i * 60_000), 5000),
    'compileSites (5 sites) µs': perCall(() => compileSites(settings.sites), 5000),
    'siteFor µs': perCall((i) => compiled.siteFor(i % 2 ? 'https://app.slack.com/client/T1' : 'https://example.com/x'), 50_000),
    'stripUnreadCount µs': perCall((i) => stripUnreadCount(`(${i % 120}) Inbox (3) - me@example.com - Gmail`), 50_000),
  });
});
