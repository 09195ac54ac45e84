// The parent's list of work sites compiled for the browser, once per settings change:
// match patterns (scripts, tabs, host access), content-settings patterns, and which
// site a page belongs to. Pure. A page matches by whole labels of its parsed hostname,
// never by a substring of the URL (see sites.ts for what a pattern means).
import { IPV4, parseSitePattern, siteHost } from './sites';
import type { WorkSite } from './settings/schema';

interface Target {
  host: string;
  /** An IPv4 address or localhost: that host alone, no subdomains. */
  exact: boolean;
}

function targetOf(pattern: string): Target | null {
  const parsed = parseSitePattern(pattern);
  if (!parsed.ok) return null;
  const host = siteHost(parsed.pattern);
  return { host, exact: host === 'localhost' || IPV4.test(host) };
}

/**
 * Extension match pattern (Chrome and Firefox): `*` scheme = http and https, no port
 * (Firefox rejects one; Chrome matches every port when none is given), and a leading
 * `*.` covers the bare host too.
 */
const matchPatternOf = (t: Target): string => (t.exact ? `*://${t.host}/*` : `*://*.${t.host}/*`);

/**
 * chrome.contentSettings `primaryPattern`. Chrome parses it as an extension match
 * pattern (path must be `/*`, a port may be named) and converts it itself:
 * `*://*.slack.com/*` becomes its internal `[*.]slack.com`. The `[*.]` form is that
 * internal one and the API refuses it. With the `*` scheme and no port Chrome already
 * matches every port; the explicit `:*` on addresses says so for local servers.
 */
const contentSettingsPatternOf = (t: Target): string =>
  t.exact ? `*://${t.host}:*/*` : `*://*.${t.host}/*`;

/** Host-permission origins to request for one pattern; [] when it can't be read. */
export function originsFor(pattern: string): string[] {
  const target = targetOf(pattern);
  return target ? [matchPatternOf(target)] : [];
}

export interface CompiledSites {
  /** For scripting.registerContentScripts, tabs.query and permissions. Sorted, unique. */
  matchPatterns: string[];
  /** For chrome.contentSettings primaryPattern. Sorted, unique. */
  contentSettingsPatterns: string[];
  /** The site quieting this URL, the most specific one first; null for none. */
  siteFor(url: string): WorkSite | null;
}

const sortedUnique = (items: Iterable<string>): string[] => [...new Set(items)].sort();

/** The URL's hostname when it is http(s), lowercased and without a trailing dot. */
function hostOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hostname.replace(/\.$/, '');
}

/**
 * Compiles the parent's list once per settings change. A site whose pattern can't be
 * read is left out (it matches nothing); when two sites name the same host, the first
 * one in the list is used.
 */
export function compileSites(sites: readonly WorkSite[]): CompiledSites {
  const byHost = new Map<string, { site: WorkSite; exact: boolean }>();
  for (const site of sites) {
    const target = targetOf(site.pattern);
    if (target && !byHost.has(target.host)) byHost.set(target.host, { site, exact: target.exact });
  }
  const targets = [...byHost].map(([host, { exact }]) => ({ host, exact }));

  return {
    matchPatterns: sortedUnique(targets.map(matchPatternOf)),
    contentSettingsPatterns: sortedUnique(targets.map(contentSettingsPatternOf)),
    siteFor(url) {
      const host = hostOf(url);
      if (host === null) return null;
      const own = byHost.get(host);
      if (own) return own.site;
      if (IPV4.test(host)) return null; // an address has no parent domains
      // Walk up one label at a time: app.slack.com → slack.com → com.
      for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
        const entry = byHost.get(host.slice(dot + 1));
        if (entry && !entry.exact) return entry.site;
      }
      return null;
    },
  };
}

/**
 * Match patterns of the `others` whose pages the patterns of `over` match too, but
 * which win there as the more specific site (app.slack.com under *.slack.com): a
 * script meant for `over` must leave them out. Sorted, unique.
 */
export function shadowedBy(over: readonly WorkSite[], others: readonly WorkSite[]): string[] {
  const overCompiled = compileSites(over);
  const all = compileSites([...others, ...over]);
  const shadowed: string[] = [];
  for (const site of others) {
    const target = targetOf(site.pattern);
    if (!target) continue;
    const page = `https://${target.host}/`;
    if (overCompiled.siteFor(page) && all.siteFor(page)?.id === site.id) shadowed.push(matchPatternOf(target));
  }
  return sortedUnique(shadowed);
}
