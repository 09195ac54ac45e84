// The parent's work-site list: add (a preset or a typed address), change a
// site's mode, remove. Host access is asked for by the page, in the click that
// adds the site; here we only report which sites have it.
import { parseSitePattern, sameSite, SITE_PRESETS, siteName } from '../core/sites';
import { originsFor } from '../core/siteMatching';
import { siteNameFromTitle } from '../core/titles';

export { siteName };
import { browser } from './ext';
import { newId } from '../core/ids';
import type { SiteMode } from '../core/settings/schema';
import type { AddSiteResult, SitesView } from '../messages';
import { canBlockNotifications } from './enforcers/notifications';
import { hasAccess } from './enforcers/sites';
import { tuckAllowed } from './enforcers/tuck';
import { strip } from './enforcers/tuckStrip';
import { loadSettings, updateSettings } from './store';

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
  const name = await nameOfOpenTab(parsed.pattern);
  await updateSettings((settings) => {
    const existing = settings.sites.find((s) => sameSite(s.pattern, parsed.pattern));
    const sites = existing
      ? settings.sites.map((s) => (s === existing ? { ...s, mode } : s))
      : [...settings.sites, { id: newId('site'), pattern: parsed.pattern, mode, ...(name ? { name } : {}) }];
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
  const trimmed = name.trim().slice(0, 60);
  await updateSettings((settings) => ({
    ...settings,
    sites: settings.sites.map((s) => {
      if (s.id !== id) return s;
      const { name: _old, ...rest } = s;
      return trimmed ? { ...rest, name: trimmed } : rest;
    }),
  }));
  return sitesView();
}

export async function removeSite(id: string): Promise<SitesView> {
  // Its own let-through names go with it.
  await updateSettings((settings) => ({
    ...settings,
    sites: settings.sites.filter((s) => s.id !== id),
    letThrough: settings.letThrough.filter((r) => r.siteId !== id),
  }));
  return sitesView();
}

export async function setSiteMode(id: string, mode: SiteMode): Promise<SitesView> {
  await updateSettings((settings) => ({ ...settings, sites: settings.sites.map((s) => (s.id === id ? { ...s, mode } : s)) }));
  return sitesView();
}

/** Tucks a site's tabs away during family time, or stops; every listed site's when `id` is left out. */
export async function setSiteTuck(id: string | undefined, tuck: boolean): Promise<SitesView> {
  await updateSettings((settings) => ({
    ...settings,
    sites: settings.sites.map((s) => {
      if (id !== undefined && s.id !== id) return s;
      const { tuck: _old, ...rest } = s;
      return tuck ? { ...rest, tuck: true } : rest;
    }),
  }));
  return sitesView();
}
