// Inputs for the trust-line property tests: valid settings of every shape the format
// allows, and the ways a settings file or a stored value goes bad: keys deleted, wrong
// types, huge numbers, NaN-ish text, deep nesting, prototype-pollution keys, very long
// strings, unicode, and text cut off or edited by hand. Test code only.
import fc from 'fast-check';
import { CURRENT_VERSION, LAST_INSTANT, SITE_MODES, type Settings, type WorkSite } from '../../src/core/settings/schema';
import { parseSitePattern } from '../../src/core/sites';
import type { BoundaryWindow, OneOffBlock, Skip, Weekday } from '../../src/core/types';
import { MAX_CHOSEN, type MomentRef } from '../../src/core/weeklyShape';
import { AGE_RANGES } from '../../src/core/prompts';

/** The largest epoch-ms value a Date can hold. */
const MAX_DATE = 8.64e15;

// ---------------------------------------------------------------------------
// Valid settings
// ---------------------------------------------------------------------------

/**
 * A record with Object's prototype, as JSON and storage give: fast-check otherwise
 * makes half its records without one, and settings read back always have it.
 */
const plainRecord = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> =>
  fc.record(model, { noNullPrototype: true }) as fc.Arbitrary<T>;

/**
 * Text of any code points, lone surrogates included, often plain ASCII. Built from an
 * array of numbers: each `fc.string` with the 'binary' unit indexes every code point
 * when it is made, which costs more than the 10,000 values it then gives.
 */
const codePoint = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0, max: 0x10ffff }));
export const anyText = (maxLength: number, minLength = 0) =>
  fc.array(codePoint, { minLength, maxLength }).map((points) => String.fromCodePoint(...points));

/** An id as a file might carry one: ordinary, or a name JavaScript objects already use. */
const id = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 10 }) },
  { weight: 2, arbitrary: anyText(10, 1) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty') },
);

/** A name the schema keeps exactly: already trimmed, 1–60 UTF-16 units. */
const label = fc
  .oneof(
    fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 30 }),
    anyText(30, 1),
    fc.constantFrom('Dinner', '👨‍👩‍👧 time', 'e\u0301te\u0301', '\u202Eevil', 'a'.repeat(60)),
  )
  .map((s) => s.trim())
  .filter((s) => s.length >= 1 && s.length <= 60);

// (Built from one number each: 10,000 settings a property add up.)
const wallTime = fc
  .integer({ min: 0, max: 24 * 60 - 1 })
  .map((t) => `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`);

/** One to seven different weekdays, in week order or backwards. */
const weekdays = fc.integer({ min: 1, max: 2 * 127 - 1 }).map((bits) => {
  const days = ([0, 1, 2, 3, 4, 5, 6] as const).filter((d) => bits & (1 << d));
  return bits & 128 ? days.reverse() : days;
}).filter((days) => days.length > 0);

const windowBody = fc
  .record({
    label,
    kind: fc.constantFrom('dinner', 'bedtime', 'weekend', 'school-run', 'connection', 'custom' as const),
    days: weekdays,
    start: wallTime,
    end: wallTime,
    endDayOffset: fc.integer({ min: 0, max: 7 }),
    paused: fc.boolean(),
  })
  // A same-day window ends after it starts; one ending a week later ends no later in the day.
  .map((w) => ({
    ...w,
    endDayOffset: w.endDayOffset === 0 && w.end <= w.start ? 1 : w.endDayOffset === 7 && w.end > w.start ? 6 : w.endDayOffset,
  }));

export const validWindow: fc.Arbitrary<BoundaryWindow> = fc.tuple(id, windowBody).map(([i, w]) => ({ id: i, ...w }));

const instantPair = fc
  .oneof(
    fc.tuple(fc.maxSafeNat(), fc.maxSafeNat()).map(([a, b]) => [a % (LAST_INSTANT + 1), b % (LAST_INSTANT + 1)] as const),
    fc.tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 24 * 60 })).map(
      ([s, minutes]) => [1_700_000_000_000 + s * 1000, 1_700_000_000_000 + s * 1000 + minutes * 60_000] as const,
    ),
    fc.constant([LAST_INSTANT - 1, LAST_INSTANT] as const),
  )
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => (a < b ? { start: a, end: b } : { start: b, end: a }));

export const validBlock: fc.Arbitrary<OneOffBlock> = fc
  .tuple(id, label, instantPair)
  .map(([i, l, { start, end }]) => ({ id: i, label: l, start, end }));

const dateKey = fc
  .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => {
    const y = String(d.getUTCFullYear()).padStart(4, '0');
    return `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  });

export const validSkip: fc.Arbitrary<Skip> = plainRecord({ windowId: id, date: dateKey });

/** Text over a small alphabet, built from an array of numbers (cheaper than a string with a custom unit). */
const chars = (alphabet: string, minLength: number, maxLength: number) =>
  fc
    .array(fc.nat({ max: alphabet.length - 1 }), { minLength, maxLength })
    .map((indexes) => indexes.map((i) => alphabet[i]).join(''));
const hostLabel = chars('abcxyz019-', 1, 6).filter((l) => !l.startsWith('-') && !l.endsWith('-'));
/** A site pattern as Hearth writes it after adding a site (so it reads back unchanged). */
const sitePattern = fc
  .oneof(
    { weight: 6, arbitrary: fc
      .tuple(fc.boolean(), fc.array(hostLabel, { minLength: 1, maxLength: 2 }), chars('abcdefmnz', 2, 5))
      .map(([wild, labels, top]) => `${wild ? '*.' : ''}${[...labels, top].join('.')}`) },
    { weight: 1, arbitrary: fc.constantFrom('app.slack.com', '*.atlassian.net', 'mail.google.com', '127.0.0.1', 'localhost', '10.0.0.2') },
  )
  .filter((p) => {
    const parsed = parseSitePattern(p);
    return parsed.ok && parsed.pattern === p;
  });

const hostOf = (pattern: string) => pattern.replace(/^\*\./, '');

export const validSites: fc.Arbitrary<WorkSite[]> = fc
  .uniqueArray(
    fc
      .tuple(plainRecord({ id, pattern: sitePattern, mode: fc.constantFrom(...SITE_MODES) }), fc.constantFrom(undefined, true, false))
      // Tucking its tabs away: left out as often as not, as most parents leave it.
      .map(([site, tuck]): WorkSite => (tuck === undefined ? site : { ...site, tuck })),
    { selector: (s) => s.id, maxLength: 4 },
  )
  // One entry per site: `slack.com` and `*.slack.com` name the same one.
  .map((sites) => sites.filter((s, i) => sites.findIndex((t) => hostOf(t.pattern) === hostOf(s.pattern)) === i));

export const validSettings: fc.Arbitrary<Settings> = plainRecord({
  version: fc.constant(CURRENT_VERSION),
  schedule: plainRecord({
    windows: fc.uniqueArray(validWindow, { selector: (w) => w.id, maxLength: 5 }),
    blocks: fc.uniqueArray(validBlock, { selector: (b) => b.id, maxLength: 3 }),
    skips: fc.array(validSkip, { maxLength: 3 }),
  }),
  sites: validSites,
  preferences: plainRecord({
    headsUp: fc.boolean(),
    headsUpMinutes: fc.integer({ min: 1, max: 60 }),
    handoff: fc.boolean(),
    dimWayThroughMinutes: fc.integer({ min: 1, max: 120 }),
  }),
  letThrough: fc.uniqueArray(
    plainRecord({ id, text: fc.constantFrom('School office', 'urgent', 'Little Acorns', 'Crèche') }),
    { selector: (r) => r.id, maxLength: 3 },
  ),
  childAges: fc.subarray([...AGE_RANGES]),
  weeklyChoice: plainRecord({
    on: fc.boolean(),
    day: fc.constantFrom(0, 1, 2, 3, 4, 5, 6) as fc.Arbitrary<Weekday>,
    time: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  }),
  chosen: fc.option(
    plainRecord({
      week: dateKey,
      moments: fc.array(fc.oneof(plainRecord({ windowId: id, date: dateKey }), plainRecord({ blockId: id })) as fc.Arbitrary<MomentRef>, { maxLength: MAX_CHOSEN }),
    }),
    { nil: null },
  ),
});

// ---------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------

// Numbers and nesting JSON.stringify cannot write stand in the tree as marker strings,
// and `fileText` writes them out as raw text: `1e999`, `-0`, ten thousand brackets.
const RAW = (text: string) => `@@hearth-raw:${text}@@`;
const DEEP = (depth: number, kind: 'list' | 'object') => `@@hearth-deep-${kind}:${depth}@@`;

/** Keys that mean something to JavaScript objects. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

/** Deep nesting or a long string; now and then very deep or very long (kept rare: they cost time, not coverage). */
const deepOrLong = fc
  .tuple(
    fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 61, max: 2_000 }) }, fc.integer({ min: 2_000, max: 30_000 })),
    fc.constantFrom('deep list', 'deep object', 'x', '👪', ' '),
  )
  .map(([n, what]) => (what === 'deep list' ? DEEP(n, 'list') : what === 'deep object' ? DEEP(n, 'object') : what.repeat(n)));

/** A value nobody should have stored here. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
    null, true, false, 0, -1, 0.5, 1.5, 7, 8, 61, 121, 1e21, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1,
    LAST_INSTANT, LAST_INSTANT + 1, MAX_DATE, MAX_DATE + 1, -MAX_DATE, 5e-324,
    'NaN', 'Infinity', '-Infinity', '1e999', '0x10', ' 5 ', '', ' ', '\t', 'true', 'null', 'undefined',
    '18:00', '24:00', '7:30', '2025-02-30', '0000-00-00', '*.com', 'chrome://settings', 'quiet', 'loud', 'dinner',
    '__proto__', '\u0000', '\uD800', '\uDC00x', '\u202E', '\u2028', '\uFEFF', 'e\u0301', '👨‍👩‍👧', '"quoted"', '\\',
    [], {}, [null], [[]], [1, 1], [0, 1, 2, 3, 4, 5, 6, 7],
    ),
  },
  fc.constantFrom(RAW('1e999'), RAW('-1e999'), RAW('-0'), RAW('1E400'), RAW('0.1e-400'), RAW('123456789012345678901234567890')),
  deepOrLong,
  fc.double(),
  fc.integer(),
  anyText(40),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...POLLUTING_KEYS).map((key) => withOwnKey({}, key, { polluted: true })),
);

/** `target` with an own, enumerable `key`, even "__proto__" (plain assignment would set the prototype). */
export function withOwnKey<T extends object>(target: T, key: string, value: unknown): T {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
  return target;
}

// ---------------------------------------------------------------------------
// Mutations of a JSON tree
// ---------------------------------------------------------------------------

type Json = unknown;

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'retype'; at: number }
  | { kind: 'add-key'; at: number; key: string; value: unknown }
  | { kind: 'duplicate'; at: number }
  | { kind: 'insert'; at: number; position: number; value: unknown }
  | { kind: 'wrap'; at: number; asList: boolean }
  | { kind: 'trap'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }) },
  fc.record({ kind: fc.constant('retype' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add-key' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.constantFrom('id', 'label', 'extra', 'windows', 'version'), anyText(8)),
    value: hostileValue,
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), position: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat(), asList: fc.boolean() }),
);

/**
 * A value only memory can hold, never a file or storage: a property whose getter throws.
 * Stored settings are read with it too, since a read must never throw. Apply it last:
 * walking the tree afterwards would set it off.
 */
export const trapMutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constant('trap' as const), at: fc.nat() });

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** One place in the tree: its value, and where it hangs (no parent for the root). */
interface Place {
  node: Json;
  parent: Record<string, Json> | Json[] | undefined;
  key: string;
}

/** Every place in the tree, root first (a walk with a stack: deep nesting is fine). */
function places(root: Json): Place[] {
  const out: Place[] = [];
  const stack: Place[] = [{ node: root, parent: undefined, key: '' }];
  while (stack.length) {
    const place = stack.pop()!;
    out.push(place);
    const { node } = place;
    if (Array.isArray(node)) node.forEach((child, i) => stack.push({ node: child, parent: node, key: String(i) }));
    else if (isObject(node)) for (const key of Object.keys(node)) stack.push({ node: node[key], parent: node, key });
  }
  return out;
}

/** Puts `value` where `place` was; returns the (maybe new) root. */
function put(root: Json, place: Place, value: Json): Json {
  if (place.parent === undefined) return value;
  withOwnKey(place.parent, place.key, value);
  return root;
}

function retyped(value: Json): Json {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value.length;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return { ...value };
  if (isObject(value)) return Object.values(value);
  return {};
}

const holds = (x: Json): x is Record<string, Json> | Json[] => typeof x === 'object' && x !== null;

/** Applies `m` to the tree in place and returns the new root. */
export function applyMutation(root: Json, m: Mutation): Json {
  const all = places(root);
  const place = all[m.at % all.length]!;
  const { node, parent, key } = place;
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else if (parent !== undefined) delete parent[key];
      else return undefined;
      return root;
    case 'replace':
      return put(root, place, structuredCloneJson(m.value));
    case 'retype':
      return put(root, place, retyped(node));
    case 'add-key': {
      const target = isObject(node) ? node : isObject(parent) ? parent : null;
      if (target) withOwnKey(target, m.key, structuredCloneJson(m.value));
      return root;
    }
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredCloneJson(node));
      return root;
    case 'insert': {
      const list = Array.isArray(node) ? node : Array.isArray(parent) ? parent : null;
      list?.splice(m.position % (list.length + 1), 0, structuredCloneJson(m.value));
      return root;
    }
    case 'wrap':
      return put(root, place, m.asList ? [node] : { value: node });
    case 'trap': {
      // On the node's first entry when it has entries, else on the node itself.
      const target = holds(node) && Object.keys(node).length ? node : parent;
      if (target === undefined) return root;
      Object.defineProperty(target, target === node ? Object.keys(node as object)[0]! : key, {
        enumerable: true,
        configurable: true,
        get() {
          throw new Error('a getter that throws');
        },
      });
      return root;
    }
  }
}

/** A deep copy that keeps own "__proto__" keys as keys. */
export function structuredCloneJson(value: Json): Json {
  if (Array.isArray(value)) return value.map(structuredCloneJson);
  if (isObject(value)) {
    const out: Record<string, Json> = {};
    for (const key of Object.keys(value)) withOwnKey(out, key, structuredCloneJson(value[key]));
    return out;
  }
  return value;
}

/** `value` with each mutation applied in turn (on a copy). */
export function mutated(value: Json, mutations: Mutation[]): Json {
  let root = structuredCloneJson(value);
  for (const m of mutations) root = applyMutation(root, m);
  return root;
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

/** JSON text for a tree, with the raw-number and deep-nesting markers written out. */
export function fileText(value: Json, pretty: boolean): string {
  const text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'undefined';
  return text
    .replace(/"@@hearth-raw:([^"@]*)@@"/g, (_, raw: string) => raw)
    .replace(/"@@hearth-deep-(list|object):(\d+)@@"/g, (_, kind: string, n: string) =>
      kind === 'list' ? '['.repeat(Number(n)) + ']'.repeat(Number(n)) : '{"a":'.repeat(Number(n)) + '1' + '}'.repeat(Number(n)),
    );
}

/**
 * The tree a stored value would be, with the markers made real (storage holds values,
 * not text). Nesting stops at 1,000 deep: storage writes values with JSON.stringify,
 * which runs out of stack long before a file's 30,000.
 */
export function storedValue(value: Json): Json {
  if (typeof value === 'string' && value.startsWith('@@hearth-')) {
    const raw = /^@@hearth-raw:(.*)@@$/.exec(value);
    if (raw) return Number(raw[1]);
    const deep = /^@@hearth-deep-(list|object):(\d+)@@$/.exec(value);
    if (deep) {
      let nested: Json = 1;
      for (let i = 0; i < Math.min(1_000, Number(deep[2])); i++) nested = deep[1] === 'list' ? [nested] : { a: nested };
      return nested;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(storedValue);
  if (isObject(value)) {
    const out: Record<string, Json> = {};
    for (const key of Object.keys(value)) withOwnKey(out, key, storedValue(value[key]));
    return out;
  }
  return value;
}

export type TextEdit =
  | { kind: 'cut'; at: number }
  | { kind: 'drop'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'bom-crlf' };

export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\t', '\n', '\r', '\u0000', '\u2028', '\uFEFF', '\uD800', 'x', '0', '-', ' ', 'tru', 'null,'),
      anyText(4),
    ),
  }),
  fc.constant({ kind: 'bom-crlf' as const }),
);

export function editText(text: string, edit: TextEdit): string {
  const at = text.length === 0 ? 0 : edit.kind === 'bom-crlf' ? 0 : edit.at % (text.length + 1);
  switch (edit.kind) {
    case 'cut':
      return text.slice(0, at);
    case 'drop':
      return text.slice(0, at) + text.slice(at + edit.length);
    case 'insert':
      return text.slice(0, at) + edit.text + text.slice(at);
    case 'bom-crlf':
      return `\uFEFF${text.replaceAll('\n', '\r\n')}`;
  }
}

// ---------------------------------------------------------------------------
// Settings files, good and bad
// ---------------------------------------------------------------------------

const EXPORTED_AT = '2025-03-15T02:30:00.000Z';
const asFile = (settings: unknown, version: unknown = CURRENT_VERSION, format: unknown = 'hearth-settings') => ({
  format,
  version,
  exportedAt: EXPORTED_AT,
  settings,
});

/** The first-draft (version 1) settings shape, as old files hold it. */
const firstDraft = plainRecord({
  version: fc.constant(1),
  windows: fc.array(
    plainRecord({ id, label, kind: fc.constantFrom('dinner', 'custom'), days: fc.constant([1, 2]), start: wallTime, end: wallTime }),
    { maxLength: 3 },
  ),
  headsUp: fc.boolean(),
});

/**
 * Settings-file text: a real export, mutated in the tree and then sometimes by hand;
 * a first-draft file; JSON of any shape; a document shaped like a settings file with
 * anything inside; and plain random text.
 */
export const settingsFileText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(validSettings, fc.array(mutation, { maxLength: 4 }), fc.option(textEdit, { freq: 4 }), fc.boolean())
      .map(([settings, mutations, edit, pretty]) => {
        const text = fileText(mutated(asFile(settings), mutations), pretty);
        return edit === null ? text : editText(text, edit);
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(firstDraft, fc.array(mutation, { maxLength: 2 }))
      .map(([draft, mutations]) => fileText(mutated(asFile(draft, 1), mutations), true)),
  },
  { weight: 1, arbitrary: fc.json() },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.jsonValue({ maxDepth: 4 }),
        fc.oneof(fc.constantFrom(1, 2, 3, 0, -1, 1.5, '2'), fc.jsonValue({ maxDepth: 1 })),
        fc.oneof(fc.constantFrom('hearth-settings', 'hearth-history', 'Hearth-Settings'), fc.jsonValue({ maxDepth: 1 })),
      )
      .map(([inner, version, format]) => fileText(asFile(inner, version, format), false)),
  },
  { weight: 1, arbitrary: anyText(200) },
);

// ---------------------------------------------------------------------------
// Stored settings
// ---------------------------------------------------------------------------

/** A value as storage hands it back: JSON in, JSON out. */
export const asStored = (value: unknown): unknown => {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
};

/**
 * What storage.local's "settings" might hold: today's settings, whole or spoilt; a
 * first draft; settings from a newer Hearth; JSON of any shape.
 */
export const storedSettingsJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: validSettings },
  {
    weight: 4,
    arbitrary: fc
      .tuple(validSettings, fc.array(mutation, { minLength: 1, maxLength: 4 }))
      .map(([settings, mutations]) => asStored(storedValue(mutated(settings, mutations)))),
  },
  firstDraft.map((draft) => ({ ...draft, version: undefined })).map(asStored),
  validSettings.map((settings) => ({ ...settings, version: CURRENT_VERSION + 1 })),
  fc.jsonValue({ maxDepth: 4 }),
);

/**
 * A few dozen stored states drawn once with the run's seed: enough variety for tests
 * whose input is something else (a file, a message), at none of the cost per case.
 */
export function storedStates(seed: number, count = 24): unknown[] {
  return [undefined, ...fc.sample(storedSettingsJson, { numRuns: count, seed })];
}
