// Which work sites are quieted, and how, at an instant. Pure.
// A "way through" (a pass) lifts the dim overlay or the set-aside page of one
// site for a few minutes; the site stays quiet (no notifications, muted, no counts).
import type { SiteMode, WorkSite } from './settings/schema';

export interface Pass {
  siteId: string;
  /** epoch ms */
  until: number;
}

export interface SitePlan {
  site: WorkSite;
  mode: SiteMode;
  /** Its tabs are tucked away now (the parent chose it, and no way through is open for it). */
  tuck?: true;
}

export function activePasses(passes: readonly Pass[], now: number): Pass[] {
  return passes.filter((p) => p.until > now);
}

/** Every listed site with its effective mode while family time is on; none when it is off. */
export function sitePlans(sites: readonly WorkSite[], passes: readonly Pass[], on: boolean, now: number): SitePlan[] {
  if (!on) return [];
  const through = new Set(activePasses(passes, now).map((p) => p.siteId));
  // A way through brings the site's tucked tabs back too, for as long as it lasts.
  return sites.map((site) => {
    const open = through.has(site.id);
    return { site, mode: open ? 'quiet' : site.mode, ...(site.tuck && !open ? { tuck: true as const } : {}) };
  });
}

/** The next instant a pass runs out, when one is running. */
export function nextPassEnd(passes: readonly Pass[], now: number): number | null {
  const ends = activePasses(passes, now).map((p) => p.until);
  return ends.length ? Math.min(...ends) : null;
}
