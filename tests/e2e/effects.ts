// Hearth's effects on one work tab, read the way the browser reports them, next to
// what the stored settings say they should be. Fault tests compare the two after
// every kind of interruption: "reconcile, never remember" means they always agree
// once the worker has run again.
import type { Page } from 'playwright-core';
import { desiredState } from '../../src/core/desired';
import { activePasses, type Pass } from '../../src/core/quiet';
import { parseSettings } from '../../src/core/settings/parse';
import type { Hearth } from './harness';
import { overlayShown } from './helpers';

export interface Effects {
  /** Ids of the content scripts registered now, sorted, comma-joined. */
  scripts: string;
  badge: string;
  /** The work tab's mute state (null: no such tab). */
  muted: boolean | null;
  /** contentSettings for the work site's notifications: 'block' during family time, the parent's own choice otherwise. */
  notifications: string;
  /** The calm overlay over the work tab, as a screen reader meets it. */
  overlay: boolean;
}

export interface Observed {
  seen: Effects;
  wanted: Effects;
  /** What is stored now (settings and ways through), as JSON: tells whether a change landed. */
  stored: string;
  /** Family time is on, by the stored settings. */
  on: boolean;
  /** The test's own window is in the stored schedule. */
  windowListed: boolean;
}

/** Everything one work tab should show, from stored settings alone, with the pure core. */
export function wantedEffects(stored: { settings?: unknown; passes?: unknown }, siteId: string, now: number, parentsChoice: string): Effects {
  const { settings } = parseSettings(stored.settings);
  const passes = activePasses(Array.isArray(stored.passes) ? (stored.passes as Pass[]) : [], now);
  const desired = desiredState(settings, passes, now);
  const on = desired.active.length > 0;
  const plan = desired.sites.find((p) => p.site.id === siteId);
  // Armed a few seconds before a start, the scripts and the block are in place already.
  const planned = on || desired.armed !== null;
  const overlaid = plan?.mode === 'dim' || plan?.mode === 'set-aside';
  return {
    scripts: planned ? `${overlaid ? 'hearth-overlay,' : ''}hearth-quiet,hearth-quiet-main` : '',
    badge: on ? 'on' : '',
    muted: on,
    notifications: planned ? 'block' : parentsChoice,
    overlay: on && plan?.mode === 'dim',
  };
}

/**
 * Reads the effects and the stored state together, from the worker (woken by opening
 * an extension page if it is stopped) and the tab's accessibility tree.
 */
export async function observe(hearth: Hearth, tab: Page, siteId: string, parentsChoice = 'allow'): Promise<Observed> {
  const worker = await hearth.worker();
  const url = tab.url().replace(/#.*$/, '');
  const read = await worker.evaluate(async (u) => {
    const scripts = (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id).sort().join(',');
    const badge = await chrome.action.getBadgeText({});
    const [work] = await chrome.tabs.query({ url: u });
    const { setting } = await chrome.contentSettings.notifications.get({ primaryUrl: new URL(u).origin + '/' });
    const stored = await chrome.storage.local.get(['settings', 'passes']);
    return { scripts, badge, muted: work?.mutedInfo?.muted ?? null, notifications: String(setting), stored };
  }, url);
  const now = Date.now();
  const { stored, ...fromWorker } = read;
  const wanted = wantedEffects(stored, siteId, now, parentsChoice);
  const schedule = (stored.settings as { schedule?: { windows?: unknown[] } } | undefined)?.schedule;
  return {
    seen: { ...fromWorker, overlay: await overlayShown(hearth, tab) },
    wanted,
    stored: JSON.stringify(stored),
    on: wanted.badge === 'on',
    windowListed: (schedule?.windows?.length ?? 0) > 0,
  };
}

/** "" when the effects are as they should be, else what differs ("muted: true, want false"). */
export function mismatch({ seen, wanted }: Pick<Observed, 'seen' | 'wanted'>): string {
  return (Object.keys(wanted) as (keyof Effects)[])
    .filter((k) => seen[k] !== wanted[k])
    .map((k) => `${k}: ${JSON.stringify(seen[k])}, want ${JSON.stringify(wanted[k])}`)
    .join('; ');
}
