import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SITE_PRESETS } from './sites';
import { siteNameFromTitle, stripUnreadCount } from './titles';

/**
 * How each site Hearth offers in its list titles a tab, with an unread count or marker
 * and without: [title, what the parent sees in family time]. A site that shows its count
 * only in the tab icon (Zoom, Jira, Confluence, Linear, Notion) still has its plain
 * titles here, to prove they are left alone.
 */
const PRESET_TITLES: Record<(typeof SITE_PRESETS)[number]['id'], [string, string][]> = {
  slack: [
    ['* general (Channel) - Acme - Slack', 'general (Channel) - Acme - Slack'],
    ['! Sam Lee (DM) - Acme - Slack', 'Sam Lee (DM) - Acme - Slack'],
    ['general (Channel) - Acme - Slack', 'general (Channel) - Acme - Slack'],
    ['(3) Slack | general | Acme', 'Slack | general | Acme'],
    ['* Slack | general | Acme', 'Slack | general | Acme'],
    ['! Slack | design-review | Acme', 'Slack | design-review | Acme'],
    ['(3) • Slack | design-review | Acme', 'Slack | design-review | Acme'],
    ['Slack | general | Acme', 'Slack | general | Acme'],
  ],
  gmail: [
    ['Inbox (3) - name@gmail.com - Gmail', 'Inbox - name@gmail.com - Gmail'],
    ['Inbox (1,234) - name@gmail.com - Gmail', 'Inbox - name@gmail.com - Gmail'],
    ['Clients/Acme (12) - sam@work.example - Work Mail', 'Clients/Acme - sam@work.example - Work Mail'],
    ['(2) Inbox (2) - name@gmail.com - Gmail', 'Inbox - name@gmail.com - Gmail'],
    ['Chat (4) - name@gmail.com - Gmail', 'Chat - name@gmail.com - Gmail'],
    ['Inbox - name@gmail.com - Gmail', 'Inbox - name@gmail.com - Gmail'],
    ['Quarterly plan - name@gmail.com - Gmail', 'Quarterly plan - name@gmail.com - Gmail'],
  ],
  outlook: [
    ['(5) Mail - Sam Lee - Outlook', 'Mail - Sam Lee - Outlook'],
    ['Inbox (7) – sam@contoso.com – Outlook', 'Inbox – sam@contoso.com – Outlook'],
    ['Mail - Sam Lee - Outlook', 'Mail - Sam Lee - Outlook'],
    ['Calendar - Sam Lee - Outlook', 'Calendar - Sam Lee - Outlook'],
  ],
  'outlook-personal': [
    ['(2) Mail - Sam Lee - Outlook', 'Mail - Sam Lee - Outlook'],
    ['Inbox (12) - sam@outlook.com - Outlook', 'Inbox - sam@outlook.com - Outlook'],
    ['Mail - Sam Lee - Outlook', 'Mail - Sam Lee - Outlook'],
  ],
  'microsoft-teams': [
    ['(2) Chat | Microsoft Teams', 'Chat | Microsoft Teams'],
    ['(99+) Activity | Microsoft Teams', 'Activity | Microsoft Teams'],
    ['(1) Chat | Sam Lee | Microsoft Teams', 'Chat | Sam Lee | Microsoft Teams'],
    ['Chat | Microsoft Teams', 'Chat | Microsoft Teams'],
  ],
  'google-chat': [
    ['(3) Google Chat', 'Google Chat'],
    ['Chat (3) - name@gmail.com - Google Chat', 'Chat - name@gmail.com - Google Chat'],
    ['Google Chat', 'Google Chat'],
  ],
  zoom: [
    ['(2) Team Chat - Zoom', 'Team Chat - Zoom'],
    ['Zoom Workplace', 'Zoom Workplace'],
  ],
  jira: [
    ['[PROJ-123] Fix login redirect - Jira', '[PROJ-123] Fix login redirect - Jira'],
    ['(4) [PROJ-123] Fix login redirect - Jira', '[PROJ-123] Fix login redirect - Jira'],
    ['Sprint 14 board - Acme Jira', 'Sprint 14 board - Acme Jira'],
  ],
  confluence: [
    ['Q3 planning (draft) - Team space - Confluence', 'Q3 planning (draft) - Team space - Confluence'],
    ['Release notes 2.0 - Confluence', 'Release notes 2.0 - Confluence'],
  ],
  asana: [
    ['(1) Inbox - Asana', 'Inbox - Asana'],
    ['My tasks - Asana', 'My tasks - Asana'],
  ],
  linear: [
    ['Inbox (3) · Linear', 'Inbox · Linear'],
    ['ENG-42 Crash on save · Linear', 'ENG-42 Crash on save · Linear'],
  ],
  notion: [
    ['Meeting notes (2) | Notion', 'Meeting notes | Notion'],
    ['Roadmap 2025', 'Roadmap 2025'],
  ],
  github: [
    ['(8) Notifications', 'Notifications'],
    ['{4} Notifications', 'Notifications'],
    ['Pull request #1024 · acme/app', 'Pull request #1024 · acme/app'],
  ],
  discord: [
    ['(12) Discord | #general | Hobby Club', 'Discord | #general | Hobby Club'],
    ['• Discord | #general | Hobby Club', 'Discord | #general | Hobby Club'],
    ['● Discord | #random | Hobby Club', 'Discord | #random | Hobby Club'],
    ['[7] Discord | Friends', 'Discord | Friends'],
  ],
};

describe('stripUnreadCount: the title formats of every site Hearth offers', () => {
  it('has titles for every preset', () => {
    expect(Object.keys(PRESET_TITLES).sort()).toEqual(SITE_PRESETS.map((p) => p.id).sort());
  });

  it.each(Object.entries(PRESET_TITLES).flatMap(([site, rows]) => rows.map(([title, quiet]) => [site, title, quiet])))(
    '%s: %j → %j',
    (_site, title, quiet) => {
      expect(stripUnreadCount(title)).toBe(quiet);
    },
  );
});

describe('stripUnreadCount: other work chats', () => {
  it.each([
    // Element (Matrix): a count in brackets after its name, or "*" for activity without one
    ['Element [2] | General', 'Element | General'],
    ['Element [1,204] | Acme', 'Element | Acme'],
    ['Element * | General', 'Element | General'],
    ['Element [Offline] [3] | General', 'Element [Offline] | General'],
    ['Element | General', 'Element | General'],
  ])('%j → %j', (title, expected) => {
    expect(stripUnreadCount(title)).toBe(expected);
  });
});

describe('stripUnreadCount: titles that are not counts', () => {
  it.each([
    // Whitespace the markers leave behind
    ['  (3)   Slack  ', 'Slack'],
    ['(3)\u00a0Slack', 'Slack'],
  ])('%j → %j', (title, expected) => {
    expect(stripUnreadCount(title)).toBe(expected);
  });

  it.each([
    '2024 plan',
    'Q3 (draft)',
    'Room 101',
    'Meeting at 3',
    '(draft) notes',
    '(2024) Annual report', // four bare digits read as a year
    'Budget (2)', // a copy number at the end, no separator after it
    'report (2).pdf',
    '3 things to fix',
    '(3)Slack', // no space after the marker: not the shape sites use
    '*Important*',
    'Chapter (iv) - Notes',
    'Inbox(3) - name@gmail.com', // no space before: not Gmail's shape
    'Budget [2]', // brackets at the end, no separator after them
    '5 * 3 | Calculator',
    'Notes [draft] - Team space',
  ])('leaves %j alone', (title) => {
    expect(stripUnreadCount(title)).toBe(title);
  });

  it('never empties a title: a marker alone stays as it was', () => {
    for (const title of ['(3)', '(3) ', '• ', '* ', '(3) • ', ' ']) {
      expect(stripUnreadCount(title)).toBe(title);
    }
    expect(stripUnreadCount('')).toBe('');
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const count = fc.oneof(
  fc.nat(999).map(String),
  fc.nat(99).map((n) => `${n}+`),
  fc.integer({ min: 1000, max: 9_999_999 }).map((n) => n.toLocaleString('en-US')),
);
const marker = fc.oneof(
  count.map((n) => `(${n}) `),
  count.map((n) => `[${n}] `),
  count.map((n) => `{${n}} `),
  fc.constantFrom('• ', '● ', '* '),
);
const markers = fc.array(marker, { minLength: 1, maxLength: 3 }).map((m) => m.join(''));

/** Title text: printable characters plus the ones markers are made of, to stress the edges. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('(', ')', '[', ']', '{', '}', '•', '●', '*', ' ', '-', '|', '1', '2', ',', '+', 'a', 'B'), maxLength: 20 }),
);
/** A base title: not starting with a marker character or whitespace, with something to show. */
const base = text.filter((b) => b.trim() !== '' && /^[^\s([{•●*]/u.test(b));

// A thousand runs each: on a busy machine they need more than the usual five seconds.
describe('stripUnreadCount: properties', { timeout: 30_000 }, () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.tuple(markers, text).map(([m, t]) => m + t), fc.string({ unit: 'binary' })), (title) => {
        const once = stripUnreadCount(title);
        expect(stripUnreadCount(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  // A title that loses a marker is trimmed too; one with none is returned as it was.
  it('removes any leading markers: strip(marker(n) + B) === strip(B), trimmed', () => {
    fc.assert(
      fc.property(markers, base, (m, b) => {
        expect(stripUnreadCount(m + b)).toBe(stripUnreadCount(b).trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('removes a count after a word before a separator', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,10}$/);
    fc.assert(
      fc.property(word, count, fc.constantFrom(' - ', ' | ', ' – ', ' — '), base, (w, n, sep, rest) => {
        expect(stripUnreadCount(`${w} (${n})${sep}${rest}`)).toBe(stripUnreadCount(`${w}${sep}${rest}`).trim());
      }),
      { numRuns: 500 },
    );
  });

  it('never changes a title with no count in it, not even its spacing', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9@.#:/'&-]{1,12}$/);
    // Brackets that are not counts: words, years, ticket numbers.
    const notCount = fc.oneof(
      fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,8}$/).map((w) => `(${w})`),
      fc.integer({ min: 1000, max: 9999 }).map((n) => `(${n})`),
      fc.stringMatching(/^[A-Z]{2,5}-\d{1,4}$/).map((t) => `[${t}]`),
    );
    const title = fc
      .tuple(
        fc.constantFrom('', ' ', '  '),
        fc.array(fc.tuple(fc.oneof(word, word, notCount), fc.constantFrom(' ', ' - ', ' | ', ' · ', ' – ')), { minLength: 1, maxLength: 6 }),
        word,
        // A copy number at the very end, with no separator after it: "Budget (2)".
        fc.constantFrom('', ' (2)', ' (12)'),
        fc.constantFrom('', ' '),
      )
      .map(([lead, parts, last, copy, trail]) => lead + parts.map(([w, sep]) => w + sep).join('') + last + copy + trail);
    fc.assert(
      fc.property(title, (t) => {
        expect(stripUnreadCount(t)).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, never grows, never empties a non-blank title', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), text, fc.tuple(markers, text).map(([m, t]) => m + t)), (title) => {
        const result = stripUnreadCount(title);
        expect(result.length).toBeLessThanOrEqual(title.length);
        if (title.trim() !== '') expect(result).not.toBe('');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('siteNameFromTitle', () => {
  it.each([
    ['(3) Work Chat', 'Work Chat'],
    ['Inbox (3) - sam@acme.example - Acme Mail', 'Acme Mail'],
    ['* general (Channel) - Acme - Slack', 'Slack'],
    ['Chat | Microsoft Teams', 'Microsoft Teams'],
    ['Inbox (3) · Linear', 'Linear'],
    ['Acme Intranet', 'Acme Intranet'],
  ])('%j → %j', (title, name) => {
    expect(siteNameFromTitle(title)).toBe(name);
  });

  it.each(['', '(3)', '12:30', 'a - ' + 'x'.repeat(61)])('nothing readable in %j', (title) => {
    expect(siteNameFromTitle(title)).toBeNull();
  });
});
