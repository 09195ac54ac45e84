// Where a settings file stops being JSON, in the parent's words: "Hearth couldn't read
// line 4 of this file: a comma seems to be missing just before "settings"." JSON.parse
// only says no, and engines word their messages differently (V8 names no position for an
// unexpected token, Firefox gives a line and column), so a small scanner of its own finds
// the first slip the same way in every browser. No recursion, so deep nesting is fine.
// Called only after JSON.parse has refused the text.

import { say } from '../say';
import { clip } from './wording';

type JsonSnag =
  | { kind: 'end' }
  | { kind: 'trailing-comma'; index: number }
  | { kind: 'missing-comma'; index: number }
  | { kind: 'control'; index: number; char: string }
  | { kind: 'char'; index: number };

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPE = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/;

/** The first place `text` stops being JSON, or null where it is JSON after all. */
function findJsonSnag(text: string): JsonSnag | null {
  const stack: ('[' | '{')[] = [];
  type Expect = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after';
  let expect: Expect = 'value';
  let lastComma = -1;
  let i = 0;
  const n = text.length;

  /** Moves past a string starting at `i`; returns a snag, or null when it closed. */
  const readString = (): JsonSnag | null => {
    let j = i + 1;
    for (;;) {
      if (j >= n) return { kind: 'end' };
      const c = text.charCodeAt(j);
      if (c === 0x22) {
        i = j + 1;
        return null;
      }
      if (c === 0x5c) {
        const escape = JSON_ESCAPE.exec(text.slice(j + 1, j + 6));
        if (!escape) return j + 1 >= n ? { kind: 'end' } : { kind: 'char', index: j };
        j += 1 + escape[0].length;
        continue;
      }
      if (c < 0x20) return { kind: 'control', index: j, char: text.charAt(j) };
      j++;
    }
  };

  for (;;) {
    while (i < n && ' \t\n\r'.includes(text.charAt(i))) i++;
    if (i >= n) return expect === 'after' && stack.length === 0 ? null : { kind: 'end' };
    const c = text.charAt(i);
    const top = stack.at(-1);

    if (expect === 'after') {
      if (top === undefined) return { kind: 'char', index: i }; // more after the whole document
      if (c === ',') {
        lastComma = i++;
        expect = top === '[' ? 'value' : 'key';
      } else if (c === (top === '[' ? ']' : '}')) {
        stack.pop();
        i++;
      } else {
        // The start of another value or key, where a comma belonged.
        return /["[{\d\-tfn]/.test(c) ? { kind: 'missing-comma', index: i } : { kind: 'char', index: i };
      }
      continue;
    }
    if (expect === 'colon') {
      if (c !== ':') return { kind: 'char', index: i };
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'key' || expect === 'first-key') {
      if (c === '}') {
        if (expect === 'key') return { kind: 'trailing-comma', index: lastComma };
        stack.pop();
        i++;
        expect = 'after';
        continue;
      }
      if (c !== '"') return { kind: 'char', index: i };
      const snag = readString();
      if (snag) return snag;
      expect = 'colon';
      continue;
    }
    // A value.
    if (c === ']' && top === '[') {
      if (expect === 'value') return { kind: 'trailing-comma', index: lastComma };
      stack.pop();
      i++;
      expect = 'after';
      continue;
    }
    if (c === '[' || c === '{') {
      stack.push(c);
      i++;
      expect = c === '[' ? 'first-value' : 'first-key';
      continue;
    }
    if (c === '"') {
      const snag = readString();
      if (snag) return snag;
      expect = 'after';
      continue;
    }
    JSON_NUMBER.lastIndex = i;
    const number = JSON_NUMBER.exec(text);
    if (number && number[0] !== '') {
      i += number[0].length;
      expect = 'after';
      continue;
    }
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (word !== undefined) {
      i += word.length;
      expect = 'after';
      continue;
    }
    const partial = ['true', 'false', 'null'].some((w) => w.startsWith(text.slice(i)));
    return partial ? { kind: 'end' } : { kind: 'char', index: i };
  }
}

/** 1-based line of `index`. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * A short piece of the text from `index`, to the end of its line, in quotes the parent
 * can tell apart from the file's own (curly ones when the piece has straight ones).
 */
function near(text: string, index: number, max = 20): string {
  const piece = clip((text.slice(index).split(/\r?\n/, 1)[0] ?? '').trimEnd(), max);
  return piece.includes('"') ? `\u201C${piece}\u201D` : `"${piece}"`;
}

/** The key, string or word starting at `index`: `"settings"`, `true`, `42`. */
function tokenAt(text: string, index: number): string {
  const token = /^"(?:[^"\\\n]|\\.)*"?|^[^\s,:\]}]+/.exec(text.slice(index, index + 80))?.[0] ?? '';
  const inner = token.startsWith('"') ? token.slice(1).replace(/"$/, '') : token;
  return `"${clip(inner, 30)}"`;
}

/** One sentence naming where and how `text` (which JSON.parse refused) stops being JSON. */
export function notJson(text: string): string {
  const snag = findJsonSnag(text);
  if (snag === null) return say('coreFileNotSettings');
  switch (snag.kind) {
    case 'end':
      return say('coreFileCutShort', [String(lineOf(text, text.length))]);
    case 'trailing-comma':
      return say('coreFileTrailingComma', [String(lineOf(text, snag.index))]);
    case 'missing-comma':
      return say('coreFileMissingComma', [String(lineOf(text, snag.index)), tokenAt(text, snag.index)]);
    case 'control': {
      const char =
        snag.char === '\t'
          ? say('coreCharTab')
          : snag.char === '\n' || snag.char === '\r'
            ? say('coreCharLineBreak')
            : say('coreCharHidden');
      return say('coreFileControlChar', [String(lineOf(text, snag.index)), char]);
    }
    case 'char':
      return say('coreFileNear', [String(lineOf(text, snag.index)), near(text, snag.index)]);
  }
}
