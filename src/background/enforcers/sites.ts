// Everything that happens to work sites during family time, from one plan:
// notifications held (contentSettings), scripts in work tabs (stand-ins, counts,
// dim), tabs muted, set-aside pages. Effects that need host access apply only
// to the sites the parent has given access to; the notification block needs none.
import { browser } from '../ext';
import { compileSites, originsFor, shadowedBy, type CompiledSites } from '../../core/siteMatching';
import { siteName } from '../../core/sites';
import type { SitePlan } from '../../core/quiet';
import type { TabPlan } from '../../messages';
import { applyMute } from './mute';
import { applyNotificationBlocks } from './notifications';
import { returnCalmPages } from './calmPages';
import { applyContentScripts, pushPlans, type Restored } from './scripts';

export async function hasAccess(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: originsFor(pattern) }).catch(() => false);
}

export async function applySiteEffects(plans: SitePlan[], until: number | null, wayThroughMinutes: number): Promise<void> {
  const access = await Promise.all(plans.map((p) => hasAccess(p.site.pattern)));
  const reachable = plans.filter((_, i) => access[i]);
  const all = compileSites(plans.map((p) => p.site));
  const reach = compileSites(reachable.map((p) => p.site));

  const asideSites = reachable.filter((p) => p.mode === 'set-aside').map((p) => p.site);
  const otherSites = reachable.filter((p) => p.mode !== 'set-aside').map((p) => p.site);
  const aside = { matches: compileSites(asideSites).matchPatterns, exclude: shadowedBy(asideSites, otherSites) };

  const [{ restored, released }] = await Promise.all([
    (async () => {
      // Stand-ins first, then the block: open pages keep the permission they saw.
      const restored = await applyContentScripts(reach.matchPatterns, aside);
      return { restored, released: await applyNotificationBlocks(all.contentSettingsPatterns) };
    })(),
    // Sound waits on nothing else: after a browser restart, reaching every open work tab
    // with its scripts first kept a restored tab loud for a second or more.
    applyMute(reach.matchPatterns),
  ]);
  await returnCalmPages(new Set(plans.filter((p) => p.mode === 'set-aside').map((p) => p.site.id)));
  if (reachable.length) await pushPlans(await tabPlans(reachable, reach, until, wayThroughMinutes));
  if (released.length) await reloadUntouched(restored);
}

/** The plan for one tab's URL, when it is a work site in family time. */
export function tabPlanFor(url: string | undefined, plans: SitePlan[], until: number | null, wayThroughMinutes: number): TabPlan | null {
  if (!url) return null;
  const site = compileSites(plans.map((p) => p.site)).siteFor(url);
  const plan = site && plans.find((p) => p.site.id === site.id);
  return plan ? { siteId: plan.site.id, name: siteName(plan.site), mode: plan.mode, until, wayThroughMinutes } : null;
}

async function tabPlans(plans: SitePlan[], compiled: CompiledSites, until: number | null, minutes: number): Promise<Map<number, TabPlan>> {
  const out = new Map<number, TabPlan>();
  for (const tab of await browser.tabs.query({ url: compiled.matchPatterns })) {
    const plan = tabPlanFor(tab.url, plans, until, minutes);
    if (tab.id !== undefined && plan) out.set(tab.id, plan);
  }
  return out;
}

/**
 * Chromium drops a site's push subscription when its notifications are blocked,
 * and the site subscribes again when it loads. So when family time ends, work
 * tabs the parent did not type or click in during it, and is not looking at,
 * are reloaded once, and their notifications come back at 8 pm, not tomorrow.
 */
async function reloadUntouched(restored: Restored[]): Promise<void> {
  for (const { tabId, touched } of restored) {
    if (touched) continue;
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (tab && !tab.active) await browser.tabs.reload(tabId).catch(() => undefined);
  }
}
