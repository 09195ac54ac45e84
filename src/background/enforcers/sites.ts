// Everything that happens to work sites during family time, from one plan:
// notifications held (contentSettings), scripts in work tabs (stand-ins, counts,
// dim), tabs muted, set-aside pages. Effects that need host access apply only
// to the sites the parent has given access to; the notification block needs none.
// Armed a few seconds ahead of a start (core/arming.ts), only what is not felt is put in
// place: the scripts, whose pages turn quiet at the start by their own clock, and the
// block; sound and set-aside pages wait for the start.
import type { LetThroughRule } from '../../core/letThrough';
import { browser } from '../ext';
import { compileSites, originsFor, shadowedBy, type CompiledSites } from '../../core/siteMatching';
import { siteName } from '../../core/sites';
import type { Span } from '../../core/arming';
import type { SitePlan } from '../../core/quiet';
import type { TabPlan } from '../../messages';
import { applyMute } from './mute';
import { applyNotificationBlocks } from './notifications';
import { returnCalmPages } from './calmPages';
import { applyContentScripts, pushPlans, type Restored } from './scripts';
import { applyTuck } from './tuck';
import { isLive } from './tabs';
import { formatTime, t } from '../../i18n';

/** The title of Hearth's tab group: "Work · back at 7:30 PM". */
export const tuckTitle = (until: number | null): string => (until === null ? t('tuckGroupTitleLater') : t('tuckGroupTitle', [formatTime(until)]));

export async function hasAccess(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: originsFor(pattern) }).catch(() => false);
}

/** The open work tabs' addresses, and each site's own host over https (`*://*.slack.com/*`: https://slack.com/). */
const workAddresses = async (matchPatterns: string[]): Promise<string[]> => [
  ...(await browser.tabs.query({ url: matchPatterns })).map((t) => t.url ?? ''),
  ...matchPatterns.map((p) => p.replace('*://*.', 'https://')).filter((p) => p.startsWith('https')),
];

const needsOverlay = (p: SitePlan) => p.mode === 'dim' || p.mode === 'set-aside';

/** Scripts for `sites` only, leaving out pages a more specific listed site of `others` claims. */
function registrationFor(sites: SitePlan[], others: SitePlan[]) {
  const own = sites.map((p) => p.site);
  return { matches: compileSites(own).matchPatterns, exclude: shadowedBy(own, others.map((p) => p.site)) };
}

export interface SiteOptions {
  wayThroughMinutes: number;
  letThrough?: readonly LetThroughRule[];
  /** Family time ends within the arming lead: tucked tabs are woken for it. */
  ending?: boolean;
}

export async function applySiteEffects(plans: SitePlan[], span: Span, { wayThroughMinutes, letThrough = [], ending = false }: SiteOptions): Promise<void> {
  const access = await Promise.all(plans.map((p) => hasAccess(p.site.pattern)));
  const reachable = plans.filter((_, i) => access[i]);
  const all = compileSites(plans.map((p) => p.site));
  const reach = compileSites(reachable.map((p) => p.site));
  const on = span.from === null;

  const aside = reachable.filter((p) => on && p.mode === 'set-aside');
  const overlaid = reachable.filter(needsOverlay);
  const hasWords = (p: SitePlan) => letThrough.some((r) => r.siteId === undefined || r.siteId === p.site.id);
  const worded = reachable.filter(hasWords);
  const extras = {
    aside: registrationFor(aside, reachable.filter((p) => !aside.includes(p))),
    overlay: registrationFor(overlaid, reachable.filter((p) => !needsOverlay(p))),
    letThrough: registrationFor(worded, reachable.filter((p) => !hasWords(p))),
  };

  const scripted = applyContentScripts(reach.matchPatterns, extras, span.from);
  const [restored, released] = await Promise.all([
    scripted,
    // Stand-ins first, then the block: open pages keep the permission they saw. Lifted
    // (family time over), it waits for nothing: the stand-ins answer until they go.
    all.contentSettingsPatterns.length
      ? scripted.then(() => applyNotificationBlocks(all.contentSettingsPatterns, () => workAddresses(all.matchPatterns)))
      : applyNotificationBlocks([]),
    // Sound waits on nothing else: after a browser restart, reaching every open work tab
    // with its scripts first kept a restored tab loud for a second or more.
    applyMute(on ? reach.matchPatterns : []),
    // Tabs tucked away (the parent's choice per site) only once family time is on: it is felt.
    applyTuck({
      sites: new Set(on ? reachable.filter((p) => p.tuck).map((p) => p.site.id) : []),
      siteFor: reach.siteFor,
      title: tuckTitle(span.until),
      wake: ending,
    }),
    // Once the scripts are in the tabs, they hear the plan: at the start of family time
    // armed ahead, this is all that is left to do for them, so it waits on nothing else.
    scripted.then(async () => {
      await returnCalmPages(new Set(plans.filter((p) => p.mode === 'set-aside').map((p) => p.site.id)));
      if (reachable.length) await pushPlans(await tabPlans(reachable, reach, span, wayThroughMinutes, letThrough));
    }),
  ]);
  if (released.length) await reloadUntouched(restored);
}

/** The plan for one tab's URL, when it is a work site in family time (on, or armed). */
/**
 * What one tab's scripts need. The let-through words of its site go only to Hearth's
 * isolated script, which matches held notifications against them: never into the page.
 */
export function tabPlanFor(
  url: string | undefined,
  plans: SitePlan[],
  span: Span,
  wayThroughMinutes: number,
  letThrough: readonly LetThroughRule[] = [],
): TabPlan | null {
  if (!url) return null;
  const site = compileSites(plans.map((p) => p.site)).siteFor(url);
  const plan = site && plans.find((p) => p.site.id === site.id);
  if (!plan) return null;
  const words = letThrough.filter((r) => r.siteId === undefined || r.siteId === plan.site.id).map((r) => r.text);
  return {
    siteId: plan.site.id,
    name: siteName(plan.site),
    mode: plan.mode,
    ...span,
    wayThroughMinutes,
    ...(words.length ? { letThrough: words } : {}),
    ...(plan.tuck ? { tuck: true as const } : {}),
  };
}

async function tabPlans(
  plans: SitePlan[],
  compiled: CompiledSites,
  span: Span,
  minutes: number,
  letThrough: readonly LetThroughRule[],
): Promise<Map<number, TabPlan>> {
  const out = new Map<number, TabPlan>();
  for (const tab of await browser.tabs.query({ url: compiled.matchPatterns })) {
    const plan = tabPlanFor(tab.url, plans, span, minutes, letThrough);
    // A page the browser froze (tucked tabs in a folded group are) can't hear it now, and a
    // word to it would hold this apply up; it asks for its plan as it wakes (content/quiet.ts).
    if (tab.id !== undefined && plan && isLive(tab)) out.set(tab.id, plan);
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
