// Property tests for work-site patterns. The oracle for matching is the documented
// rule itself, on label boundaries: a host H matches a name P iff H === P or H ends
// with "." + P.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SiteMode, WorkSite } from './settings/schema';
import { compileSites, originsFor } from './siteMatching';
import { parseSitePattern } from './sites';

const RUNS = 300;
/** The shared endings parseSitePattern refuses as whole patterns. */
const SHARED_ENDINGS = ['co.uk', 'com.au', 'co.jp', 'co.nz', 'com.br', 'github.io'];

// Labels over a tiny alphabet, so random hosts often share labels with the pattern
// and the boundary cases (equal, suffix, suffix without a dot) all come up.
const label = fc.stringMatching(/^[ab](?:[ab0-]{0,2}[ab0])?$/);
/** A last label that is never numeric (numeric ones are addresses, or not hosts at all). */
const topLabel = fc.stringMatching(/^[ab][ab]?$/);
const labels = (min: number, max: number) => fc.array(label, { minLength: min, maxLength: max });

/** A name pattern's host: at least two labels, not a shared ending. */
const nameHost = fc
  .tuple(labels(1, 3), topLabel)
  .map(([head, top]) => [...head, top].join('.'));

/** A valid name pattern, with or without "*.". */
const namePattern = fc
  .tuple(fc.boolean(), nameHost)
  .map(([wild, host]) => ({ host, pattern: wild ? `*.${host}` : host }));

/** Hosts that sit near `host`: equal, below it, beside it, or unrelated. */
const hostNear = (host: string) =>
  fc.oneof(
    fc.constant(host),
    labels(1, 2).map((pre) => `${pre.join('.')}.${host}`),
    label.map((pre) => `${pre}${host}`), // no dot boundary
    fc.tuple(labels(0, 2), topLabel).map(([head, top]) => [...head, top].join('.')),
    fc.tuple(labels(1, 2), topLabel).map(([head, top]) => `${host}.${[...head, top].join('.')}`),
    fc.nat({ max: host.length - 1 }).map((cut) => host.slice(cut)).filter((h) => !h.startsWith('.')),
  );

const urlFor = (host: string) =>
  fc
    .tuple(fc.constantFrom('http', 'https'), fc.constantFrom('', ':80', ':8080'), fc.webPath(), fc.boolean())
    .map(([scheme, port, path, dot]) => `${scheme}://${host}${dot ? '.' : ''}${port}${path}`);

const matchesName = (h: string, p: string) => h === p || h.endsWith(`.${p}`);

const site = (id: string, pattern: string, mode: SiteMode = 'quiet'): WorkSite => ({ id, pattern, mode });

describe('siteFor against the label-boundary rule', () => {
  it('(a) matches a host iff it equals the pattern host or ends with "." + it', () => {
    fc.assert(
      fc.property(
        namePattern.chain((p) => fc.tuple(fc.constant(p), hostNear(p.host).chain((h) => fc.tuple(fc.constant(h), urlFor(h))))),
        ([{ host, pattern }, [h, url]]) => {
          const compiled = compileSites([site('s', pattern)]);
          const expected = matchesName(h, host);
          expect(compiled.siteFor(url) !== null).toBe(expected);
          // Case does not matter: URLs lowercase their host.
          expect(compiled.siteFor(url.toUpperCase().replace(/^HTTPS?/, 'https')) !== null).toBe(expected);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('(a) with several sites, the longest matching host wins, then list order', () => {
    const siteList = fc.array(fc.tuple(namePattern, fc.constantFrom<SiteMode>('quiet', 'dim', 'set-aside')), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        siteList.chain((list) =>
          fc.tuple(fc.constant(list), fc.constantFrom(...list).chain(([p]) => hostNear(p.host))),
        ),
        ([list, h]) => {
          const sites = list.map(([p, mode], i) => site(`s${i}`, p.pattern, mode));
          let best: WorkSite | null = null;
          let bestLength = -1;
          for (const [i, [p]] of list.entries()) {
            if (matchesName(h, p.host) && p.host.length > bestLength) {
              best = sites[i] ?? null;
              bestLength = p.host.length;
            }
          }
          expect(compileSites(sites).siteFor(`https://${h}/`)).toBe(best);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('(a) an address or localhost matches that host alone, on any port', () => {
    const address = fc
      .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255))
      .map((parts) => parts.join('.'));
    fc.assert(
      fc.property(
        fc.oneof(address, fc.constant('localhost')),
        fc.oneof(address, fc.constant('localhost'), labels(1, 2).map((l) => l.join('.'))),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        (pattern, other, port) => {
          const compiled = compileSites([site('s', pattern)]);
          const at = (host: string) => `http://${host}${port === undefined ? '' : `:${port}`}/x`;
          expect(compiled.siteFor(at(pattern))?.id).toBe('s');
          expect(compiled.siteFor(at(`${other}.${pattern}`))).toBeNull();
          if (other !== pattern) expect(compiled.siteFor(at(other))).toBeNull();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('(b) never matches by prefix, suffix, userinfo, path, query or fragment', () => {
    const junk = fc.stringMatching(/^[a-z0-9-]{1,6}$/);
    fc.assert(
      fc.property(namePattern, junk, ({ host, pattern }, extra) => {
        fc.pre(!matchesName('evil.io', host) && !matchesName(`${extra}.evil.io`, host));
        const compiled = compileSites([site('s', pattern)]);
        const near = [
          `https://not${host}/`,
          `https://${extra}${host}/`,
          `https://${host}.evil.io/`,
          `https://${host}-${extra}.io/`,
          `https://${host}${extra}.evil.io/`,
          `https://${host}@evil.io/`,
          `https://${host}:${host}@evil.io/`,
          `https://evil.io/${host}`,
          `https://evil.io/${pattern}`,
          `https://evil.io/?u=https://${host}/`,
          `https://evil.io/#${host}`,
          `https://${extra}.evil.io/${host}?${host}#${host}`,
          `file:///${host}/index.html`,
          `ftp://${host}/`,
          `chrome://${host}/`,
        ];
        for (const url of near) expect(compiled.siteFor(url), url).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseSitePattern on arbitrary input', () => {
  const anything = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.domain(),
    fc.mixedCase(fc.domain()),
    fc.tuple(fc.constantFrom('*.', '', 'https://', 'http://*.', 'file://', 'about:'), fc.domain(), fc.constantFrom('', '.', ':8080', '/x?y#z', '@evil.io')).map((parts) => parts.join('')),
    fc.ipV4(),
    fc.stringMatching(/^[a-z0-9.*:/@-]{0,30}$/),
  );

  /** What an accepted pattern looks like. */
  const SHAPE = /^(?:\*\.)?[a-z0-9_-]{1,63}(?:\.[a-z0-9_-]{1,63})+$|^localhost$|^\d{1,3}(?:\.\d{1,3}){3}$/;

  it('(c) never throws, and accepting is idempotent', () => {
    fc.assert(
      fc.property(anything, (input) => {
        const first = parseSitePattern(input);
        if (!first.ok) return;
        expect(first.pattern).toMatch(SHAPE);
        expect(first.pattern.length).toBeLessThanOrEqual(253);
        // The pattern reads back as itself, with no port: it never keeps one.
        expect(parseSitePattern(first.pattern)).toEqual({ ok: true, pattern: first.pattern });
      }),
      { numRuns: 2000 },
    );
  });

  it('(c) refusals are one kind sentence that never says invalid, must or should', () => {
    fc.assert(
      fc.property(anything, (input) => {
        const result = parseSitePattern(input);
        if (result.ok) return;
        expect(result.error).toMatch(/^\S.*\.$/s);
        expect(result.error).not.toMatch(/\binvalid\b|\bmust\b|\bshould\b/i);
      }),
      { numRuns: 1000 },
    );
  });

  it('(c) a well-formed domain is accepted, and then matches itself', () => {
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        fc.pre(!SHARED_ENDINGS.includes(domain.toLowerCase()));
        const result = parseSitePattern(domain);
        expect(result.ok).toBe(true);
        if (result.ok) {
          expect(compileSites([site('s', result.pattern)]).siteFor(`https://${domain}/`)?.id).toBe('s');
        }
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------
// (d) Syntax of what the browser is handed, from the documented grammars.
// ---------------------------------------------------------------------------

function isCanonicalHost(host: string): boolean {
  if (host === '*') return true;
  try {
    return new URL(`http://${host}`).hostname === host;
  } catch {
    return false;
  }
}

/**
 * Chrome's match-pattern grammar (developer.chrome.com "Match patterns"):
 *   <url-pattern> := <scheme>://<host><path>
 *   <scheme> := '*' | 'http' | 'https' | 'file' | 'ftp'
 *   <host> := '*' | '*.' <any char except '/' and '*'>+ | <any char except '/' and '*'>+
 *   <path> := '/' <any chars>
 * No port: Firefox refuses one, and Chrome matches every port without it.
 * The host is also required to be canonical (Chrome canonicalises it on parse).
 */
function isMatchPattern(pattern: string): boolean {
  const m = /^(\*|http|https|file|ftp):\/\/(\*|(?:\*\.)?[^/*:]+)(\/.*)$/s.exec(pattern);
  if (!m) return false;
  return isCanonicalHost((m[2] ?? '').replace(/^\*\./, ''));
}

/**
 * chrome.contentSettings patterns: match patterns where, for http(s), the path is
 * exactly "/*" and a port ("*" or a number) may follow the host.
 */
function isContentSettingsPattern(pattern: string): boolean {
  const m = /^(\*|http|https):\/\/(\*|(?:\*\.)?[^/*:[\]]+)(?::(\*|\d{1,5}))?\/\*$/.exec(pattern);
  if (!m) return false;
  return isCanonicalHost((m[2] ?? '').replace(/^\*\./, ''));
}

describe('(d) compiled patterns follow the documented grammars', () => {
  it('the checkers themselves tell good from bad', () => {
    for (const good of ['*://*.slack.com/*', 'https://mail.google.com/*', '*://127.0.0.1/*', '*://*/*']) {
      expect(isMatchPattern(good), good).toBe(true);
    }
    for (const bad of ['*://sl*ck.com/*', '*://slack.com', '*://*slack.com/*', '*://slack.com:8080/*', 'ws://slack.com/*', '*://[*.]slack.com/*', '*://Slack.com/*']) {
      expect(isMatchPattern(bad), bad).toBe(false);
    }
    for (const good of ['*://*.slack.com/*', '*://127.0.0.1:*/*', 'http://localhost:8080/*']) {
      expect(isContentSettingsPattern(good), good).toBe(true);
    }
    for (const bad of ['*://[*.]slack.com/*', '*://*.slack.com/path', '*://slack.com:x/*']) {
      expect(isContentSettingsPattern(bad), bad).toBe(false);
    }
  });

  const rawPattern = fc.oneof(
    namePattern.map((p) => p.pattern),
    fc.domain(),
    fc.ipV4(),
    fc.constant('localhost'),
    fc.webUrl(),
    fc.string(),
  );
  const siteList = fc.array(
    fc.tuple(rawPattern, fc.constantFrom<SiteMode>('quiet', 'dim', 'set-aside')),
    { maxLength: 8 },
  );

  it('every match pattern, content-settings pattern and origin is well formed', () => {
    fc.assert(
      fc.property(siteList, (list) => {
        const sites = list.map(([pattern, mode], i) => site(`s${i}`, pattern, mode));
        const compiled = compileSites(sites);
        for (const p of compiled.matchPatterns) expect(isMatchPattern(p), p).toBe(true);
        for (const p of compiled.contentSettingsPatterns) expect(isContentSettingsPattern(p), p).toBe(true);
        for (const s of sites) for (const o of originsFor(s.pattern)) expect(compiled.matchPatterns).toContain(o);
        expect([...compiled.matchPatterns].sort()).toEqual(compiled.matchPatterns);
        expect(new Set(compiled.matchPatterns).size).toBe(compiled.matchPatterns.length);
      }),
      { numRuns: RUNS },
    );
  });
});
