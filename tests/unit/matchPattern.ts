// Whether a page's address falls under a host match pattern, as the browser reads
// the origins of host access (`*://*.slack.com/*`, `https://app.slack.com/*`,
// `<all_urls>`). Only scheme and host matter here: host access is granted per
// origin, so paths are always `/*`. The unit tests' stand-in for the browser's own
// matching (tabs.query by url).

export function coveredBy(url: string, pattern: string): boolean {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return false;
  }
  const scheme = page.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return false;
  if (pattern === '<all_urls>') return true;
  const parts = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!parts) return false;
  const [, wantScheme, wantHost] = parts as unknown as [string, string, string];
  if (wantScheme !== '*' && wantScheme !== scheme) return false;
  const host = page.hostname.replace(/\.$/, '');
  const bare = wantHost.replace(/:(\d+|\*)$/, '').toLowerCase();
  if (bare === '*') return true;
  if (bare.startsWith('*.')) {
    const base = bare.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === bare;
}
