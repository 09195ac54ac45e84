// Tone is the feature: every sentence Hearth shows a parent is checked for pressure and
// shaming language. Scans every locale's messages, the prose strings in src (string
// literals, template text, JSX text), the pages' HTML text and the manifest.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, test } from 'vitest';
import { TONE_ALLOWLIST, TONE_RULES, toneProblems } from '../../src/core/tone';

const LOCALES = 'public/_locales';
/** The tone check's own word list: its strings are the rules, not things a parent reads. */
const NOT_USER_FACING = new Set(['src/core/tone.ts']);

interface Offence {
  where: string;
  words: string[];
  text: string;
}

const describeOffences = (offences: Offence[]) =>
  offences.map((o) => `${o.where}: ${o.words.map((w) => `"${w}"`).join(', ')} in "${o.text}"`).join('\n');

function offencesIn(entries: Iterable<[where: string, text: string]>): Offence[] {
  const offences: Offence[] = [];
  for (const [where, text] of entries) {
    const words = toneProblems(text);
    if (words.length > 0) offences.push({ where, words, text });
  }
  return offences;
}

// ---------------------------------------------------------------------------
// Where the strings are
// ---------------------------------------------------------------------------

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

/** Every locale folder that has a messages.json, read fresh (a new locale is scanned too). */
function locales(): { locale: string; messages: Record<string, { message?: unknown }> }[] {
  return readdirSync(LOCALES)
    .filter((locale) => statSync(join(LOCALES, locale, 'messages.json'), { throwIfNoEntry: false })?.isFile())
    .map((locale) => ({
      locale,
      messages: JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<
        string,
        { message?: unknown }
      >,
    }));
}

/** Looks like words for people: at least two words of letters. */
const PROSE = /\p{L}{2,}[\s\u00A0]+\p{L}{2,}/u;

/** `console.error('…')` and friends: words for developers in the worker's console. */
function isConsoleCall(node: Record<string, unknown>): boolean {
  const callee = node.callee as { type?: string; object?: { type?: string; name?: string } } | undefined;
  return (
    node.type === 'CallExpression' &&
    callee?.type === 'MemberExpression' &&
    callee.object?.type === 'Identifier' &&
    callee.object.name === 'console'
  );
}

/** Prose strings in TypeScript source: string literals, template text, JSX text (not comments). */
function proseStrings(path: string, source = readFileSync(path, 'utf8')): { line: number; text: string }[] {
  const parsed = parseSync(path, source, { lang: path.endsWith('.tsx') ? 'tsx' : 'ts' });
  expect(parsed.errors, `${path} should parse`).toEqual([]);
  const found: { at: number; text: string }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown> & { start: number };
    if (isConsoleCall(n)) return; // the developer's console, not the parent's page
    if ((n.type === 'Literal' || n.type === 'JSXText') && typeof n.value === 'string') {
      found.push({ at: n.start, text: n.value });
    } else if (n.type === 'TemplateLiteral' && Array.isArray(n.quasis)) {
      // "${x}" is read as "it", so "behind ${name}" reads as a place and "not ${x} enough" still shows.
      const quasis = n.quasis as { value: { cooked: string | null; raw: string } }[];
      found.push({ at: n.start, text: quasis.map((q) => q.value.cooked ?? q.value.raw).join(' it ') });
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'quasis') visit(value);
  };
  visit(parsed.program);
  const lineAt = (at: number) => source.slice(0, at).split('\n').length;
  return found.filter((f) => PROSE.test(f.text)).map((f) => ({ line: lineAt(f.at), text: f.text.trim() }));
}

function sourceStrings(): [string, string][] {
  return files('src', /\.tsx?$/)
    .map((path) => relative('.', path).replaceAll('\\', '/'))
    .filter((path) => !/\.test\.tsx?$/.test(path) && !NOT_USER_FACING.has(path))
    .flatMap((path) => proseStrings(path).map(({ line, text }): [string, string] => [`${path}:${line}`, text]));
}

/** Text between tags, and the attributes people read, in the pages' HTML. */
function htmlStrings(): [string, string][] {
  return files('src', /\.html$/).flatMap((path) => {
    const html = readFileSync(path, 'utf8').replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
    const texts = [
      ...[...html.matchAll(/>([^<]+)</g)].map((m) => m[1]!),
      ...[...html.matchAll(/\b(?:title|alt|aria-label|placeholder)="([^"]*)"/g)].map((m) => m[1]!),
    ];
    return texts.filter((text) => text.trim() !== '').map((text): [string, string] => [path, text.trim()]);
  });
}

/** The manifest's own words (most are __MSG_…__ references, scanned with the messages). */
function manifestStrings(): [string, string][] {
  const found: [string, string][] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (!value.startsWith('__MSG_') && PROSE.test(value)) found.push([`manifest.json ${path}`, value]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) if (key !== 'key') visit(inner, `${path}.${key}`);
    }
  };
  visit(JSON.parse(readFileSync('manifest.json', 'utf8')), '');
  return found;
}

// ---------------------------------------------------------------------------
// The scan
// ---------------------------------------------------------------------------

describe('every user-facing string reads kindly', () => {
  const all = locales();

  test('there is at least the English locale', () => {
    expect(all.map((l) => l.locale)).toContain('en');
  });

  test.each(all.map((l) => [l.locale, l.messages] as const))('messages in "%s"', (locale, messages) => {
    const entries = Object.entries(messages).map(([key, entry]): [string, string] => [
      `_locales/${locale} ${key}`,
      typeof entry.message === 'string' ? entry.message : '',
    ]);
    expect(entries.length).toBeGreaterThan(0);
    const offences = offencesIn(entries);
    expect(offences, describeOffences(offences)).toEqual([]);
  });

  test('prose strings in src', () => {
    const strings = sourceStrings();
    expect(strings.length).toBeGreaterThan(10);
    const offences = offencesIn(strings);
    expect(offences, describeOffences(offences)).toEqual([]);
  });

  test('page titles and the manifest', () => {
    const strings = [...htmlStrings(), ...manifestStrings()];
    expect(strings.map(([, text]) => text)).toContain('Hearth');
    const offences = offencesIn(strings);
    expect(offences, describeOffences(offences)).toEqual([]);
  });

  test('the scan finds a shaming string planted among kind ones', () => {
    const planted = offencesIn([
      ['kind', 'Family time is on. Enjoy it.'],
      ['planted', 'You should stop being lazy'],
    ]);
    expect(planted).toEqual([{ where: 'planted', words: ['should', 'lazy'], text: 'You should stop being lazy' }]);
    expect(describeOffences(planted)).toBe('planted: "should", "lazy" in "You should stop being lazy"');
  });

  test('the source scan reads string literals, template text and JSX text, not comments', () => {
    const source = [
      '// A comment that says you should is not shown to anyone',
      "const a = 'You should rest';",
      'const b = `Falling behind on ${thing} again`;',
      'const c = <p>Streaks are over</p>;',
      "const d = 'one-word';",
      "import e from './not prose';",
      "console.error('Hearth: reconcile failed', error);",
    ].join('\n');
    const prose = proseStrings('sample.tsx', source);
    expect(prose).toEqual([
      { line: 2, text: 'You should rest' },
      { line: 3, text: 'Falling behind on  it  again' },
      { line: 4, text: 'Streaks are over' },
      { line: 6, text: './not prose' },
    ]);
    expect(prose.map((p) => toneProblems(p.text))).toEqual([['should'], ['falling behind'], ['streaks'], []]);
  });
});

// ---------------------------------------------------------------------------
// The tone check itself
// ---------------------------------------------------------------------------

describe('toneProblems', () => {
  test.each(TONE_ALLOWLIST.map((phrase) => [phrase]))('the allowlisted phrase "%s" passes', (phrase) => {
    expect(toneProblems(phrase)).toEqual([]);
    // In a sentence, capitalised, with a curly apostrophe.
    const sentence = `${phrase[0]!.toUpperCase()}${phrase.slice(1).replaceAll("'", '\u2019')}, love.`;
    expect(toneProblems(sentence)).toEqual([]);
  });

  test('each allowlisted phrase contains a listed word (else it would not need to be there)', () => {
    for (const phrase of TONE_ALLOWLIST) {
      const hits = TONE_RULES.filter((rule) => [...phrase.matchAll(rule.pattern)].length > 0);
      expect(hits.length, phrase).toBeGreaterThan(0);
    }
  });

  test('an allowlisted phrase clears only its own words', () => {
    expect(toneProblems("You don't have to, but you must")).toEqual(['must']);
    expect(toneProblems("I don't have to")).toEqual(['have to']);
    expect(toneProblems('Guilt doesn’t mean you’re failing. Failure is a choice.')).toEqual(['failure']);
  });

  test.each([
    ['You should rest', ['should']],
    ['You shouldn’t check email', ["shouldn't"]],
    ['You SHOULDNT worry', ['shouldnt']],
    ['You must put the phone down', ['must']],
    ["You mustn't", ["mustn't"]],
    ['You have to be there', ['have to']],
    ['Everyone has to try harder', ['has to']],
    ['You ought to know', ['ought']],
    ['Another failed evening', ['failed']],
    ["Don't fail them", ['fail']],
    ['You are failing at this', ['failing']],
    ['A failure as a parent', ['failure']],
    ['Keep your streak alive', ['streak']],
    ['3 streaks lost', ['streaks']],
    ['Being lazy again', ['lazy']],
    ['Falling behind on emails', ['falling behind']],
    ["You're behind", ['behind']],
    ['Behind on everything', ['behind']],
    ['You wasted an evening', ['wasted']],
    ['You feel guilty', ['guilty']],
    ["Don't guilt-trip yourself", ['guilt-trip']],
    ['You are not enough', ['not enough']],
    ["It isn't quite enough", ["isn't quite enough"]],
    ['What a bad parent', ['bad parent']],
    ['Worst mum ever', ['worst mum']],
    ['They were disappointed', ['disappointed']],
    ['Lacking focus', ['lacking']],
    ['Slacking off again', ['slacking']],
    ['How selfish', ['selfish']],
    ['Neglecting the kids', ['neglecting']],
    ['No excuses', ['excuses']],
    ['You should be ashamed', ['should', 'ashamed']],
    ["It's your fault", ['your fault']],
  ] as const)('catches "%s"', (text, words) => {
    expect(toneProblems(text)).toEqual(words);
  });

  test.each([
    'Set aside puts the page aside behind a calm page',
    'Work waits behind the door until family time ends',
    'Guilt means you care',
    'Your best today is enough',
    'Good enough is plenty',
    'Pass the mustard',
    'We bought pancakes',
    'A failsafe plan',
    'Hearth keeps prompts free of pressure',
    'Family time is on. Enjoy it.',
    'Shoulders drop as you breathe out',
  ])('leaves "%s" alone', (text) => {
    expect(toneProblems(text)).toEqual([]);
  });

  test('reports each word once, in reading order', () => {
    expect(toneProblems('Lazy, lazy: you should have, you should.')).toEqual(['lazy', 'should']);
  });
});
