// The parent's work-site list: add (a preset or a typed address), change a
// site's mode, remove. Host access is asked for by the page, in the click that
// adds the site; here we only report which sites have it.
import { parseSitePattern, sameSite, SITE_PRESETS, siteName } from '../core/sites';
import { originsFor } from '../core/siteMatching';
import { siteNameFromTitle } from '../core/titles';

export { siteName };
import { browser } from './ext';
import { newId } from '../core/ids';
import type { SiteMode, WorkSite } from '../core/settings/schema';
import { ORG_SITE, choiceFor } from '../core/policy';
import type { AddSiteResult, SitesView } from '../messages';
import { canBlockNotifications } from './enforcers/notifications';
import { NAME_MAX } from '../core/limits';
import { hasAccess } from './enforcers/sites';
import { tuckAllowed } from './enforcers/tuck';
import { strip } from './enforcers/tuckStrip';
import { loadSettings, updateSettings } from './store';
import { loadPolicy } from './policy';

export async function sitesView(): Promise<SitesView> {
  const { settings } = await loadSettings();
  const sites = await Promise.all(
    settings.sites.map(async (site) => ({ site, name: siteName(site), hasAccess: await hasAccess(site.pattern) })),
  );
  const s = strip();
  return { sites, canBlockNotifications: canBlockNotifications(), tuck: { by: s.holds === 'group' ? 'group' : 'hide', allowed: await tuckAllowed(s) } };
}

export async function addSite(input: string, mode: SiteMode): Promise<AddSiteResult> {
  const parsed = parseSitePattern(input);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  // The organisation's site already: adding it again sets how it is quieted.
  const org = (await loadPolicy()).sites.find((s) => sameSite(s.pattern, parsed.pattern));
  if (org) return { ok: true, ...(await setSiteMode(org.id, mode)) };
  const name = await nameOfOpenTab(parsed.pattern);
  await updateSettings((settings) => {
    // A choice kept for an organisation's site no policy names here now is the parent's own site from now on.
    const mine = settings.sites.filter((s) => !(s.id.startsWith(ORG_SITE) && sameSite(s.pattern, parsed.pattern)));
    const existing = mine.find((s) => sameSite(s.pattern, parsed.pattern));
    const sites = existing
      ? mine.map((s) => (s === existing ? { ...s, mode } : s))
      : [...mine, { id: newId('site'), pattern: parsed.pattern, mode, ...(name ? { name } : {}) }];
    return { ...settings, sites };
  });
  return { ok: true, ...(await sitesView()) };
}

/**
 * A site typed by its address is named, as it is added, from the title of one of its
 * open tabs ("Acme Chat" rather than chat.acme.example). Presets have their names; with no
 * tab open (or no access yet) the parent can name it in the list.
 */
async function nameOfOpenTab(pattern: string): Promise<string | null> {
  if (SITE_PRESETS.some((p) => p.pattern === pattern)) return null;
  const urls = originsFor(pattern);
  const tabs = urls.length ? await browser.tabs.query({ url: urls }).catch(() => []) : [];
  for (const tab of tabs) {
    const name = tab.title ? siteNameFromTitle(tab.title) : null;
    if (name) return name;
  }
  return null;
}

/** The parent's own name for a site; an empty one gives it back its default name. */
export async function renameSite(id: string, name: string): Promise<SitesView> {
  const trimmed = name.trim().slice(0, NAME_MAX);
  await changeSite(id, (s) => {
    const { name: _old, ...rest } = s;
    return trimmed ? { ...rest, name: trimmed } : rest;
  });
  return sitesView();
}

/** Takes one of the parent's sites off; what the organisation set stays (it would come back). */
export async function removeSite(id: string): Promise<SitesView> {
  if ((await loadPolicy()).sites.some((s) => s.id === id)) return sitesView();
  // Its own let-through names go with it.
  await updateSettings((settings) => ({
    ...settings,
    sites: settings.sites.filter((s) => s.id !== id),
    letThrough: settings.letThrough.filter((r) => r.siteId !== id),
  }));
  return sitesView();
}

export async function setSiteMode(id: string, mode: SiteMode): Promise<SitesView> {
  await changeSite(id, (s) => ({ ...s, mode }));
  return sitesView();
}

/**
 * Changes a site as the parent sees it. For an organisation's site the change is the
 * parent's, kept in their own settings where it is read back (core/policy.ts `choiceFor`):
 * their entry for it, else a site of theirs for the same address, else a new entry under
 * the organisation's id.
 */
async function changeSite(id: string, change: (site: WorkSite) => WorkSite): Promise<void> {
  const org = (await loadPolicy()).sites.find((s) => s.id === id);
  await updateSettings((settings) => {
    const sites = changedSites(settings.sites, id, org, change);
    return sites ? { ...settings, sites } : null;
  });
}

/** `sites` with site `id` changed (`org`: the organisation's site of that id); null when there is none. */
function changedSites(sites: WorkSite[], id: string, org: WorkSite | undefined, change: (site: WorkSite) => WorkSite): WorkSite[] | null {
  const target = org ? choiceFor(sites, org) : sites.find((s) => s.id === id);
  if (target) return sites.map((s) => (s === target ? change(s) : s));
  return org ? [...sites, change(org)] : null;
}

/** Tucks a site's tabs away during family time, or stops; every listed site's (the organisation's too) when `id` is left out. */
export async function setSiteTuck(id: string | undefined, tuck: boolean): Promise<SitesView> {
  const withTuck = (s: WorkSite): WorkSite => {
    const { tuck: _old, ...rest } = s;
    return tuck ? { ...rest, tuck: true } : rest;
  };
  if (id !== undefined) await changeSite(id, withTuck);
  else {
    // One write for all: the parent's own sites, and their choice for each of the organisation's.
    const orgs = (await loadPolicy()).sites;
    await updateSettings((settings) => ({
      ...settings,
      sites: orgs.reduce((sites, org) => changedSites(sites, org.id, org, withTuck) ?? sites, settings.sites.map(withTuck)),
    }));
  }
  return sitesView();
}
