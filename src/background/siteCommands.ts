// The parent's work-site list: add (a preset or a typed address), change a
// site's mode, remove. Host access is asked for by the page, in the click that
// adds the site; here we only report which sites have it.
import { parseSitePattern, sameSite, siteName } from '../core/sites';

export { siteName };
import { newId } from '../core/ids';
import type { SiteMode } from '../core/settings/schema';
import type { AddSiteResult, SitesView } from '../messages';
import { canBlockNotifications } from './enforcers/notifications';
import { hasAccess } from './enforcers/sites';
import { loadSettings, updateSettings } from './store';

export async function sitesView(): Promise<SitesView> {
  const { settings } = await loadSettings();
  const sites = await Promise.all(
    settings.sites.map(async (site) => ({ site, name: siteName(site), hasAccess: await hasAccess(site.pattern) })),
  );
  return { sites, canBlockNotifications: canBlockNotifications() };
}

export async function addSite(input: string, mode: SiteMode): Promise<AddSiteResult> {
  const parsed = parseSitePattern(input);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  await updateSettings((settings) => {
    const existing = settings.sites.find((s) => sameSite(s.pattern, parsed.pattern));
    const sites = existing
      ? settings.sites.map((s) => (s === existing ? { ...s, mode } : s))
      : [...settings.sites, { id: newId('site'), pattern: parsed.pattern, mode }];
    return { ...settings, sites };
  });
  return { ok: true, ...(await sitesView()) };
}

export async function removeSite(id: string): Promise<SitesView> {
  await updateSettings((settings) => ({ ...settings, sites: settings.sites.filter((s) => s.id !== id) }));
  return sitesView();
}

export async function setSiteMode(id: string, mode: SiteMode): Promise<SitesView> {
  await updateSettings((settings) => ({ ...settings, sites: settings.sites.map((s) => (s.id === id ? { ...s, mode } : s)) }));
  return sitesView();
}
