import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripUnreadCount } from './titles';

describe('stripUnreadCount: real-looking titles', () => {
  it.each([
    // Slack
    ['(3) Slack | general | Acme', 'Slack | general | Acme'],
    ['* Slack | general | Acme', 'Slack | general | Acme'],
    ['(3) • Slack | design-review | Acme', 'Slack | design-review | Acme'],
    ['Slack | general | Acme', 'Slack | general | Acme'],
    // Gmail
    ['Inbox (3) - name@gmail.com - Gmail', 'Inbox - name@gmail.com - Gmail'],
    ['Inbox (1,234) - name@gmail.com - Gmail', 'Inbox - name@gmail.com - Gmail'],
    ['Clients/Acme (12) - sam@work.example - Work Mail', 'Clients/Acme - sam@work.example - Work Mail'],
    ['Inbox - name@gmail.com - Gmail', 'Inbox - name@gmail.com - Gmail'],
    ['(2) Inbox (2) - name@gmail.com - Gmail', 'Inbox - name@gmail.com - Gmail'],
    // Outlook
    ['(5) Mail - Sam Lee - Outlook', 'Mail - Sam Lee - Outlook'],
    ['Inbox (7) – sam@contoso.com – Outlook', 'Inbox – sam@contoso.com – Outlook'],
    ['Mail - Sam Lee - Outlook', 'Mail - Sam Lee - Outlook'],
    // Teams
    ['(2) Chat | Microsoft Teams', 'Chat | Microsoft Teams'],
    ['(99+) Activity | Microsoft Teams', 'Activity | Microsoft Teams'],
    ['Chat | Microsoft Teams', 'Chat | Microsoft Teams'],
    // Jira: ticket numbers and brackets that are not counts stay
    ['[PROJ-123] Fix login redirect - Jira', '[PROJ-123] Fix login redirect - Jira'],
    ['(4) [PROJ-123] Fix login redirect - Jira', '[PROJ-123] Fix login redirect - Jira'],
    ['Sprint 14 board - Acme Jira', 'Sprint 14 board - Acme Jira'],
    // Discord
    ['(12) Discord | #general | Hobby Club', 'Discord | #general | Hobby Club'],
    ['• Discord | #general | Hobby Club', 'Discord | #general | Hobby Club'],
    ['● Discord | #random | Hobby Club', 'Discord | #random | Hobby Club'],
    ['[7] Discord | Friends', 'Discord | Friends'],
    // GitHub notifications
    ['(8) Notifications', 'Notifications'],
    ['{4} Notifications', 'Notifications'],
    ['Pull request #1024 · acme/app', 'Pull request #1024 · acme/app'],
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

describe('stripUnreadCount: properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.tuple(markers, text).map(([m, t]) => m + t), fc.string({ unit: 'binary' })), (title) => {
        const once = stripUnreadCount(title);
        expect(stripUnreadCount(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('removes any leading markers: strip(marker(n) + B) === strip(B)', () => {
    fc.assert(
      fc.property(markers, base, (m, b) => {
        expect(stripUnreadCount(m + b)).toBe(stripUnreadCount(b));
      }),
      { numRuns: 1000 },
    );
  });

  it('removes a count after a word before a separator', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,10}$/);
    fc.assert(
      fc.property(word, count, fc.constantFrom(' - ', ' | ', ' – ', ' — '), base, (w, n, sep, rest) => {
        expect(stripUnreadCount(`${w} (${n})${sep}${rest}`)).toBe(stripUnreadCount(`${w}${sep}${rest}`));
      }),
      { numRuns: 500 },
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
