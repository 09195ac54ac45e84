import { describe, expect, it, test } from 'vitest';
import type { SiteMode, WorkSite } from './settings/schema';
import { compileSites, shadowedBy, originsFor } from './siteMatching';
import { SITE_PRESETS, parseSitePattern, sameSite, siteHost, typedName } from './sites';

const site = (id: string, pattern: string, mode: SiteMode = 'quiet'): WorkSite => ({ id, pattern, mode });

const accepted = (input: string): string => {
  const result = parseSitePattern(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to be accepted: ${result.error}`);
  return result.pattern;
};

const refused = (input: string): string => {
  const result = parseSitePattern(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${result.pattern}`);
  return result.error;
};

describe('parseSitePattern: accepted entries', () => {
  it.each([
    ['app.slack.com', 'app.slack.com'],
    ['  App.Slack.COM  ', 'app.slack.com'],
    ['slack.com', 'slack.com'],
    ['*.atlassian.net', '*.atlassian.net'],
    ['*.Atlassian.NET', '*.atlassian.net'],
    ['https://app.slack.com/client/T123/C456', 'app.slack.com'],
    ['mail.google.com/mail/u/0', 'mail.google.com'],
    ['http://mail.google.com/mail/u/0#inbox', 'mail.google.com'],
    ['https://acme.atlassian.net/jira/software?x=1', 'acme.atlassian.net'],
    ['https://*.atlassian.net/*', '*.atlassian.net'],
    ['//github.com/notifications', 'github.com'],
    ['slack.com.', 'slack.com'],
    ['slack.com:443', 'slack.com'],
    ['https://app.slack.com:8443/', 'app.slack.com'],
    ['localhost', 'localhost'],
    ['localhost:3000', 'localhost'],
    ['http://localhost:5173/dashboard', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['127.0.0.1:8080', '127.0.0.1'],
    ['http://192.168.1.20:8000/', '192.168.1.20'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['*.bücher.de', '*.xn--bcher-kva.de'],
    ['ＡＰＰ.slack.com', 'app.slack.com'], // full-width letters map to ASCII
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['my_team.example.com', 'my_team.example.com'],
    ['alice.github.io', 'alice.github.io'],
    ['bbc.co.uk', 'bbc.co.uk'],
  ])('%j → %s', (input, pattern) => {
    expect(parseSitePattern(input)).toMatchObject({ ok: true, pattern });
  });

  it('keeps a host of exactly 253 characters and labels of exactly 63', () => {
    const label = 'a'.repeat(63);
    const host = `${label}.${label}.${label}.${'b'.repeat(61)}`;
    expect(host).toHaveLength(253);
    expect(accepted(host)).toBe(host);
  });
});

describe('parseSitePattern: refused entries, each with its own kind sentence', () => {
  it.each([
    ['', /Type a site's address/],
    ['   ', /Type a site's address/],
    ['file:///Users/me/notes.txt', /isn't a website address/],
    ['chrome://settings', /isn't a website address/],
    ['about:blank', /isn't a website address/],
    ['ftp://files.example.com', /isn't a website address/],
    ['javascript:alert(1)', /isn't a website address/],
    ['mailto:boss@work.com', /isn't a website address/],
    ['boss@work.com', /has an "@" in it/],
    ['https://slack.com@evil.io/', /has an "@" in it/],
    ['http://[::1]:8080/', /IPv6/],
    ['*', /a "\*" only at the very start/],
    ['slack.*', /a "\*" only at the very start/],
    ['app.*.com', /a "\*" only at the very start/],
    ['*slack.com', /a "\*" only at the very start/],
    ['*.*.atlassian.net', /a "\*" only at the very start/],
    ['https://', /couldn't find a site's address/],
    ['*.', /couldn't find a site's address/],
    ['sl ack.com', /\(a space\)/],
    ['slack!.com', /\("!"\)/],
    ['slack.com%2eevil.io', /\("%"\)/],
    ['https://a:b:c/', /\(":"\)/],
    ['slack.com:80:80', /isn't a website address/],
    ['slack！.com', /\("!"\)/], // full-width "!" maps to ASCII "!"
    ['a..b.com', /two dots in a row/],
    ['.slack.com', /two dots in a row or a dot at the start/],
    [`${'a'.repeat(64)}.com`, /longer than 63 characters/],
    [`${'abcdefghi.'.repeat(26)}com`, /longer than the 253 characters/],
    ['com', /has no dot in it/],
    ['slack', /has no dot in it/],
    ['*.com', /would cover every site ending in \.com/],
    ['co.uk', /would cover every site ending in \.co\.uk/],
    ['*.co.uk', /would cover every site ending in \.co\.uk/],
    ['com.au', /ending in \.com\.au/],
    ['co.jp', /ending in \.co\.jp/],
    ['co.nz', /ending in \.co\.nz/],
    ['com.br', /ending in \.com\.br/],
    ['github.io', /ending in \.github\.io/],
    ['*.localhost', /localhost has no subdomains/],
    ['*.127.0.0.1', /numeric address with no subdomains/],
    ['127.1', /as the address 127\.0\.0\.1/],
    ['123', /as the address 0\.0\.0\.123/],
    ['1.2.3.4.5', /couldn't read/],
    ['300.1.1.1', /couldn't read/],
    ['xn--zz.com', /couldn't read/],
  ])('%j', (input, message) => {
    expect(refused(input)).toMatch(message);
  });

  it('a 253-character host with "*." in front is too long to store', () => {
    const host = `${'a'.repeat(63)}.${'a'.repeat(63)}.${'a'.repeat(63)}.${'b'.repeat(61)}`;
    expect(refused(`*.${host}`)).toMatch(/longer than the 253 characters/);
  });

  it('quotes long input clipped, and never uses blaming words', () => {
    const error = refused(`${'x'.repeat(100)} y.com`);
    expect(error).toContain('…');
    expect(error.length).toBeLessThan(140);
    for (const input of ['', 'com', '*.com', 'file:///x', 'a..b.com', 'a!b.com', 'x@y.com']) {
      expect(refused(input)).not.toMatch(/invalid|must|should|wrong|error/i);
      expect(refused(input)).toMatch(/\.$/);
    }
  });
});

describe('sameSite', () => {
  it('reads a "*." pattern and the bare name as the same site', () => {
    expect(siteHost('*.atlassian.net')).toBe('atlassian.net');
    expect(siteHost('app.slack.com')).toBe('app.slack.com');
    expect(sameSite('*.atlassian.net', 'atlassian.net')).toBe(true);
    expect(sameSite('app.slack.com', 'slack.com')).toBe(false);
  });
});

describe('compileSites: siteFor', () => {
  const slack = site('slack', 'slack.com');
  const jira = site('jira', '*.atlassian.net', 'dim');
  const local = site('local', '127.0.0.1');
  const dev = site('dev', 'localhost');
  const compiled = compileSites([slack, jira, local, dev]);

  it.each([
    ['https://slack.com/', 'slack'],
    ['https://app.slack.com/client/T1/C2', 'slack'],
    ['http://a.b.app.slack.com:8080/x', 'slack'],
    ['https://APP.SLACK.COM/', 'slack'],
    ['https://app.slack.com./', 'slack'],
    ['https://atlassian.net/', 'jira'],
    ['https://acme.atlassian.net/browse/X-1', 'jira'],
    ['http://127.0.0.1:5173/', 'local'],
    ['https://127.0.0.1/', 'local'],
    ['http://localhost:3000/', 'dev'],
  ])('%s → %s', (url, id) => {
    expect(compiled.siteFor(url)?.id).toBe(id);
  });

  it.each([
    'https://notslack.com/',
    'https://slack.com.evil.io/',
    'https://evil.io/slack.com',
    'https://slack.com@evil.io/',
    'https://user:slack.com@evil.io/',
    'https://evil.io/?next=https://slack.com/',
    'https://evil.io/#slack.com',
    'https://slack-com.evil.io/',
    'https://xn--slck-5qa.com/', // a lookalike, punycoded
    'https://slack.co/',
    'https://net/',
    'https://atlassian.net.evil.io/',
    'http://127.0.0.2/',
    'http://1.127.0.0.1/', // not a real host, and no subdomains of addresses anyway
    'http://app.localhost/',
    'file:///home/slack.com/index.html',
    'ftp://slack.com/',
    'chrome://slack.com/',
    'view-source:https://slack.com/',
    'about:blank',
    'not a url',
    '',
  ])('%s → null', (url) => {
    expect(compiled.siteFor(url)).toBeNull();
  });

  it('prefers the most specific pattern, whatever the list order', () => {
    const broad = site('broad', 'slack.com', 'quiet');
    const narrow = site('narrow', 'app.slack.com', 'dim');
    for (const list of [[broad, narrow], [narrow, broad]]) {
      const c = compileSites(list);
      expect(c.siteFor('https://app.slack.com/x')?.id).toBe('narrow');
      expect(c.siteFor('https://files.app.slack.com/x')?.id).toBe('narrow');
      expect(c.siteFor('https://slack.com/')?.id).toBe('broad');
      expect(c.siteFor('https://status.slack.com/')?.id).toBe('broad');
    }
  });

  it('takes the first of two sites naming the same host', () => {
    const c = compileSites([site('a', '*.atlassian.net'), site('b', 'atlassian.net', 'dim')]);
    expect(c.siteFor('https://x.atlassian.net/')?.id).toBe('a');
    expect(c.siteFor('https://atlassian.net/')?.id).toBe('a');
  });

  it('reads stored patterns written loosely, and leaves out ones it cannot read', () => {
    const c = compileSites([site('pasted', 'https://App.Slack.com/client'), site('junk', 'not a site'), site('tld', 'com')]);
    expect(c.siteFor('https://app.slack.com/')?.id).toBe('pasted');
    expect(c.siteFor('https://example.com/')).toBeNull();
    expect(c.matchPatterns).toEqual(['*://*.app.slack.com/*']);
  });

  it('matches an IDN by its punycode host', () => {
    const c = compileSites([site('idn', 'bücher.de')]);
    expect(c.siteFor('https://www.bücher.de/')?.id).toBe('idn');
    expect(c.siteFor('https://www.xn--bcher-kva.de/')?.id).toBe('idn');
    expect(c.siteFor('https://bucher.de/')).toBeNull();
  });
});

describe('compileSites: browser patterns', () => {
  const compiled = compileSites([
    site('slack', 'slack.com'),
    site('slack-again', '*.slack.com', 'dim'),
    site('jira', '*.atlassian.net', 'dim'),
    site('gmail', 'mail.google.com', 'set-aside'),
    site('local', '127.0.0.1', 'set-aside'),
    site('dev', 'localhost'),
  ]);

  // Per host, sorted and unique: its match pattern (the *. form covers the bare host), and
  // its content-settings pattern in the match-pattern form Chrome parses, any port for addresses.
  const patterns = [
    ['*://*.atlassian.net/*', '*://*.atlassian.net/*'],
    ['*://*.mail.google.com/*', '*://*.mail.google.com/*'],
    ['*://*.slack.com/*', '*://*.slack.com/*'],
    ['*://127.0.0.1/*', '*://127.0.0.1:*/*'],
    ['*://localhost/*', '*://localhost:*/*'],
  ];

  it('gives sorted, unique match patterns (the *. form covers the bare host)', () => {
    expect(compiled.matchPatterns).toEqual(patterns.map(([match]) => match));
  });

  it('gives content-settings patterns in the match-pattern form Chrome parses, any port for addresses', () => {
    expect(compiled.contentSettingsPatterns).toEqual(patterns.map(([, contentSettings]) => contentSettings));
  });

  it('leaves a more specific site out of a broader one\'s script (set aside *.slack.com, app.slack.com only quiet)', () => {
    const broad = site('broad', '*.slack.com', 'set-aside');
    const narrow = site('narrow', 'app.slack.com', 'quiet');
    const other = site('other', 'mail.google.com', 'quiet');
    expect(shadowedBy([broad], [narrow, other])).toEqual(['*://*.app.slack.com/*']);
    // The other way round the broad site is not shadowed: the narrow one is what is set aside.
    expect(shadowedBy([{ ...narrow, mode: 'set-aside' }], [{ ...broad, mode: 'quiet' }])).toEqual([]);
  });

  it('compiles an empty list to nothing', () => {
    const empty = compileSites([]);
    expect(empty.matchPatterns).toEqual([]);
    expect(empty.contentSettingsPatterns).toEqual([]);
    expect(empty.siteFor('https://slack.com/')).toBeNull();
  });
});

describe('originsFor', () => {
  it.each([
    ['slack.com', ['*://*.slack.com/*']],
    ['*.atlassian.net', ['*://*.atlassian.net/*']],
    ['127.0.0.1', ['*://127.0.0.1/*']],
    ['localhost', ['*://localhost/*']],
    ['https://App.Slack.com/client', ['*://*.app.slack.com/*']],
    ['com', []],
    ['', []],
  ])('%j → %j', (pattern, origins) => {
    expect(originsFor(pattern)).toEqual(origins);
  });

  it('asks for exactly what compileSites will use', () => {
    for (const preset of SITE_PRESETS) {
      expect(originsFor(preset.pattern)).toEqual(compileSites([site(preset.id, preset.pattern)]).matchPatterns);
    }
  });
});

describe('SITE_PRESETS', () => {
  it('every preset passes parseSitePattern unchanged', () => {
    for (const preset of SITE_PRESETS) {
      expect(parseSitePattern(preset.pattern), preset.id).toEqual({ ok: true, pattern: preset.pattern });
    }
  });

  it('has unique kebab-case ids and names', () => {
    const ids = SITE_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(SITE_PRESETS.map((p) => p.name)).size).toBe(SITE_PRESETS.length);
  });

  it('covers the common work tools', () => {
    const byId = Object.fromEntries(SITE_PRESETS.map((p) => [p.id, p.pattern]));
    expect(byId).toMatchObject({
      slack: 'app.slack.com',
      gmail: 'mail.google.com',
      outlook: 'outlook.office.com',
      'outlook-personal': 'outlook.live.com',
      'microsoft-teams': 'teams.microsoft.com',
      'google-chat': 'chat.google.com',
      zoom: 'zoom.us',
      asana: 'app.asana.com',
      linear: 'linear.app',
      notion: 'www.notion.so',
      github: 'github.com',
      discord: 'discord.com',
    });
  });

  it('Jira and Confluence compile to the same pattern', () => {
    const jira = SITE_PRESETS.find((p) => p.id === 'jira');
    const confluence = SITE_PRESETS.find((p) => p.id === 'confluence');
    expect(jira?.pattern).toBe('*.atlassian.net');
    expect(confluence?.pattern).toBe(jira?.pattern);
  });

  it('Zoom covers its meeting subdomains', () => {
    const c = compileSites([site('zoom', 'zoom.us')]);
    expect(c.siteFor('https://us02web.zoom.us/j/123')?.id).toBe('zoom');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(SITE_PRESETS)).toBe(true);
    expect(SITE_PRESETS.every((p) => Object.isFrozen(p))).toBe(true);
  });
});

describe('the port typed with an address', () => {
  test.each([
    ['localhost:3000', '3000'],
    ['127.0.0.1:4173', '4173'],
    ['http://intranet.example:8443/board?x=1', '8443'],
    ['  jira.corp.example:8080  ', '8080'],
    ['HTTPS://Slack.com:9000', '9000'],
  ])('%s names port %s, which no pattern keeps', (typed, port) => {
    expect(parseSitePattern(typed)).toMatchObject({ ok: true, port });
  });

  test.each(['slack.com', 'https://slack.com/x:1', 'slack.com:443', 'http://slack.com:80/', 'localhost:', 'mailto:someone'])(
    '%s names no port worth a word',
    (typed) => {
      const parsed = parseSitePattern(typed);
      expect(parsed.ok && parsed.port).toBeFalsy();
    },
  );
});

describe('typedName: an address in its own script, named as typed', () => {
  test.each([
    ['bücher.de', 'bücher.de'],
    ['  https://Bücher.DE/konto?x=1  ', 'bücher.de'],
    ['BÜCHER.de.', 'bücher.de'],
    ['*.bücher.de', 'bücher.de'],
    ['bücher.de:8080', 'bücher.de'],
    ['bücher。de', 'bücher.de'],
    ['straße.example', 'straße.example'],
    ['mail.例え.jp', 'mail.例え.jp'],
    ['bu\u0308cher.de', 'bücher.de'], // typed decomposed, named composed
    ['ｂüｃｈｅｒ.de', 'bücher.de'], // full-width letters, as the browser reads them
  ])('%s is named %s', (typed, name) => {
    const parsed = parseSitePattern(typed);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(typedName(typed, parsed.pattern)).toBe(name);
  });

  test.each([
    ['slack.com', 'slack.com'], // nothing to name: the pattern reads as typed
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'], // typed in the browser's own form
    ['bücher.de', 'xn--mnchen-3ya.example'], // another host
  ])('%s gives no name for %s', (typed, pattern) => {
    expect(typedName(typed, pattern)).toBeNull();
  });

  it('gives no name longer than a name may be', () => {
    const typed = `${'ü'.repeat(30)}.${'ö'.repeat(30)}.de`;
    const parsed = parseSitePattern(typed);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(typedName(typed, parsed.pattern)).toBeNull();
  });
});
