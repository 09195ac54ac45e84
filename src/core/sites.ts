// Work-site patterns: what a parent types, read into one normal form, and the common
// work tools offered as presets. Pure. What the browser is handed is siteMatching.ts.
//
// A pattern is a host name, optionally with a leading "*.":
//   app.slack.com, mail.google.com, slack.com, *.atlassian.net, 127.0.0.1, localhost
//
// - A name matches that host and every subdomain: "slack.com" matches slack.com and
//   app.slack.com. "*.atlassian.net" means the same (atlassian.net and its subdomains),
//   as the match pattern *://*.atlassian.net/* does; the "*." is kept only because
//   people expect to see it.
// - An IPv4 address or "localhost" matches that host alone; addresses have no subdomains.
// - Ports are never part of a pattern (match patterns cannot name one): a pattern
//   matches every port, over http and https. Nothing else (file:, chrome:, about:…)
//   ever matches.
// - Matching compares whole labels of the parsed URL's hostname (lowercased, punycode,
//   trailing dot removed), never substrings of the URL text, so "slack.com" does not
//   match notslack.com, slack.com.evil.io, evil.io/slack.com or slack.com@evil.io.

import { NAME_MAX } from './limits';
import { say } from './say';
import type { WorkSite } from './settings/schema';

/**
 * `port`: one typed with the address that is not the scheme's own (80, 443). A pattern
 * can't keep it (match patterns name none), so the parent is told the whole host is listed.
 */
export type ParsedPattern = { ok: true; pattern: string; port?: string } | { ok: false; error: string };

/**
 * Whole patterns that are endings shared by many unrelated sites. A guard against the
 * usual slips, not the Public Suffix List: single labels ("com") are caught separately,
 * and a longer suffix a parent is unlikely to type is left alone.
 */
const SHARED_ENDINGS = new Set(['co.uk', 'com.au', 'co.jp', 'co.nz', 'com.br', 'github.io']);

const MAX_LENGTH = 253; // a whole host name (and settings' limit for a stored pattern)
const MAX_LABEL = 63;
/** IPv4 in the canonical form `new URL` gives (it rewrites 127.1, 0x7f.0.0.1, …). */
export const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

const quote = (text: string): string => {
  const chars = Array.from(text);
  return `"${chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : text}"`;
};

const describeChar = (char: string): string => {
  if (char === ' ') return say('coreSiteCharSpace');
  const code = char.codePointAt(0) ?? 0;
  return code > 0x20 && code < 0x7f
    ? `"${char}"`
    : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/**
 * The first ASCII character outside a-z 0-9 . _ - (non-ASCII is left to IDN), or null.
 * "_" is allowed because browsers accept it in real host names.
 */
function strayChar(host: string): string | null {
  for (const char of host) {
    if (char <= '\u007f' && !/[a-z0-9._-]/.test(char)) return char;
  }
  return null;
}

const fail = (error: string): ParsedPattern => ({ ok: false, error });

/** The host a pattern names: "*.slack.com" and "slack.com" name the same sites. */
export const siteHost = (pattern: string): string => pattern.replace(/^\*\./, '');

/** Whether two patterns name the same sites (one entry in the parent's list, not two). */
export const sameSite = (a: string, b: string): boolean => siteHost(a) === siteHost(b);

/**
 * An address as typed (trimmed): its scheme, unless it is really "host:port"
 * ("localhost:3000", "slack.com:443/x"), and the host (with any "*.", and a "user@" or
 * "[" as typed) and port before its path; lowercased.
 */
function typedParts(text: string): { scheme: string | null; host: string; port: string } {
  let rest = text.toLowerCase();
  const named = /^([a-z][a-z0-9+.-]*):/.exec(rest);
  const scheme = named && !/^(?:\d+(?:[/?#\\]|$)|$)/.test(rest.slice(named[0].length)) ? named[1]! : null;
  if (scheme) rest = rest.slice(scheme.length + 1);
  const authority = rest.replace(/^[/\\]+/, '').split(/[/?#\\]/, 1)[0] ?? '';
  const [, host = authority, port = ''] = /^([^:]*):(\d*)$/.exec(authority) ?? [];
  return { scheme, host, port };
}

/**
 * Reads a site the parent typed or pasted: a host, a "*." pattern or a whole URL.
 * Returns the normalised pattern, or one kind, specific sentence saying what to change.
 * Never throws.
 */
export function parseSitePattern(input: string): ParsedPattern {
  const text = input.trim();
  if (text === '') return fail(say('coreSiteEmpty'));
  const said = quote(text);
  let { scheme, host, port } = typedParts(text);
  if (scheme && !/^https?$/.test(scheme)) {
    return fail(say('coreSiteNotWeb', [said]));
  }

  // user@host is an email address, or a sign-in in front of some other host.
  if (host.includes('@')) {
    return fail(say('coreSiteAt', [said]));
  }
  if (host.startsWith('[')) {
    return fail(say('coreSiteIpv6', [said]));
  }
  const ok = (pattern: string): ParsedPattern => (port && port !== '80' && port !== '443' ? { ok: true, pattern, port } : { ok: true, pattern });

  const wildcard = host.startsWith('*.');
  if (wildcard) host = host.slice(2);
  if (host.includes('*')) {
    return fail(say('coreSiteStar', [said]));
  }
  if (host === '') return fail(say('coreSiteNoHost', [said]));
  const stray = strayChar(host);
  if (stray !== null) return fail(say('coreSiteStrayChar', [said, describeChar(stray)]));

  // The URL parser punycodes IDNs and canonicalises IPv4, exactly as it will for the
  // tabs this pattern is later matched against.
  let ascii: string;
  try {
    ascii = new URL(`http://${host}`).hostname.replace(/\.$/, '');
  } catch {
    return fail(say('coreSiteUnreadable', [said]));
  }

  if (IPV4.test(ascii)) {
    if (wildcard) return fail(say('coreSiteIpWildcard', [ascii]));
    // "123" would become 0.0.0.123: say so rather than quietly guess.
    if (ascii !== host.replace(/\.$/, '')) {
      return fail(say('coreSiteIpGuess', [said, ascii]));
    }
    return ok(ascii);
  }

  const labels = ascii.split('.');
  if (labels.some((label) => label === '')) {
    return fail(say('coreSiteDots', [said]));
  }
  for (const label of labels) {
    if (label.length > MAX_LABEL) {
      return fail(say('coreSiteLabelLong', [said]));
    }
    const mapped = strayChar(label); // IDN mapping turns a full-width "！" into "!"
    if (mapped !== null) {
      return fail(say('coreSiteStrayChar', [said, describeChar(mapped)]));
    }
  }
  const pattern = (wildcard ? '*.' : '') + ascii;
  if (pattern.length > MAX_LENGTH) {
    return fail(say('coreSiteTooLong', [said]));
  }

  if (ascii === 'localhost') {
    return wildcard
      ? fail(say('coreSiteLocalhostWildcard'))
      : ok(pattern);
  }
  if (SHARED_ENDINGS.has(ascii) || (wildcard && labels.length < 2)) {
    return fail(say('coreSiteSharedEnding', [said, ascii]));
  }
  if (labels.length < 2) {
    return fail(say('coreSiteNoDot', [said]));
  }
  return ok(pattern);
}

/**
 * The name an address typed in its own script is shown by: "bücher.de", not the
 * "xn--bcher-kva.de" its pattern keeps (the form the browser matches tabs in). Only the
 * host as typed, and only when the browser reads it as that pattern's host; else null
 * (the pattern is its name, as for any other address). Kept out of parseSitePattern: the
 * pages that take typed addresses name the site with it, so the worker carries none of it.
 */
export function typedName(input: string, pattern: string): string | null {
  const host = siteHost(pattern);
  if (!host.split('.').some((label) => label.startsWith('xn--'))) return null;
  const typed = typedParts(input.trim())
    .host.replace(/^\*\./, '')
    .replace(/[\u3002\uff0e\uff61]/g, '.') // the ideographic full stops the browser reads as dots
    .replace(/\.$/, '')
    .normalize('NFKC'); // composed, and full-width letters as the browser reads them
  if (typed === host || typed.length > NAME_MAX) return null;
  try {
    return new URL(`http://${typed}`).hostname.replace(/\.$/, '') === host ? typed : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------

export interface SitePreset {
  /** Stable, kebab-case: saved choices refer to it. */
  readonly id: string;
  readonly name: string;
  readonly pattern: string;
}

/**
 * Common work tools, as parseSitePattern writes them. Outlook is two presets: work and
 * school accounts live on outlook.office.com, personal ones on outlook.live.com. Jira
 * and Confluence are both named so parents find them, but both live on *.atlassian.net:
 * they compile to the same pattern, and choosing either quiets both.
 * zoom.us also covers its subdomains (us02web.zoom.us and the like).
 */
export const SITE_PRESETS: readonly SitePreset[] = Object.freeze([
  { id: 'slack', name: 'Slack', pattern: 'app.slack.com' },
  { id: 'gmail', name: 'Gmail', pattern: 'mail.google.com' },
  { id: 'outlook', name: 'Outlook', pattern: 'outlook.office.com' },
  { id: 'outlook-personal', name: 'Outlook.com (personal)', pattern: 'outlook.live.com' },
  { id: 'microsoft-teams', name: 'Microsoft Teams', pattern: 'teams.microsoft.com' },
  { id: 'google-chat', name: 'Google Chat', pattern: 'chat.google.com' },
  { id: 'zoom', name: 'Zoom', pattern: 'zoom.us' },
  { id: 'jira', name: 'Jira', pattern: '*.atlassian.net' },
  { id: 'confluence', name: 'Confluence', pattern: '*.atlassian.net' },
  { id: 'asana', name: 'Asana', pattern: 'app.asana.com' },
  { id: 'linear', name: 'Linear', pattern: 'linear.app' },
  { id: 'notion', name: 'Notion', pattern: 'www.notion.so' },
  { id: 'github', name: 'GitHub', pattern: 'github.com' },
  { id: 'discord', name: 'Discord', pattern: 'discord.com' },
].map((preset) => Object.freeze(preset)));

/** What a parent reads: the name they gave it, a preset's name ("Slack"), or the pattern itself. */
export function siteName(site: Pick<WorkSite, 'pattern' | 'name'>): string {
  return site.name ?? SITE_PRESETS.find((p) => p.pattern === site.pattern)?.name ?? site.pattern;
}
