import { describe, expect, test } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { PROMPT_LIBRARY } from './promptLibrary';
import {
  AGE_RANGES,
  PROMPT_KINDS,
  PROMPT_MOMENTS,
  choosePrompt,
  fitsMoment,
  momentOf,
  promptMessageKey,
  pruneRotation,
  rotationKey,
} from './prompts';
import type { Moment, PromptKind, PromptMeta, RotationState } from './prompts';
import { toneProblems } from './tone';

const english = messages as Record<string, { message: string; description?: string }>;
const none = new Set<string>();
/** No prompt shown yet (frozen: choosing never changes the state it is given). */
const EMPTY_ROTATION: RotationState = Object.freeze({ rounds: {}, last: {} });

const meta = (id: string, moments: Moment[], kind: PromptKind = 'micro-moment'): PromptMeta => ({ id, kind, moments });

/** `count` picks in a row for one moment (and kind), threading the state through. */
function picks(
  pool: readonly PromptMeta[],
  count: number,
  opts: { moment: Moment; kind?: PromptKind; hidden?: ReadonlySet<string>; seed?: number },
  state: RotationState = EMPTY_ROTATION,
): { ids: string[]; state: RotationState } {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const next = choosePrompt(pool, state, { moment: opts.moment, kind: opts.kind, hidden: opts.hidden ?? none, seed: (opts.seed ?? 1) + i });
    if (!next) throw new Error('no prompt');
    ids.push(next.id);
    state = next.state;
  }
  return { ids, state };
}

describe('momentOf', () => {
  test.each([
    ['dinner', 'dinner'],
    ['bedtime', 'bedtime'],
    ['weekend', 'weekend'],
    ['focus', 'focus'],
    ['custom', 'focus'],
    ['school-run', 'focus'],
    [undefined, 'any'],
  ] as const)('%s → %s', (kind, moment) => {
    expect(momentOf(kind)).toBe(moment);
  });
});

describe('choosePrompt', () => {
  const pool = [
    meta('a', ['dinner']),
    meta('b', ['dinner', 'bedtime']),
    meta('c', ['bedtime']),
    meta('d', ['any']),
    meta('e', ['dinner'], 'self-compassion'),
    meta('f', ['any'], 'connection'),
  ];

  test('a prompt fits its own moments and, when made for any moment, every moment', () => {
    expect(fitsMoment(meta('x', ['dinner']), 'dinner')).toBe(true);
    expect(fitsMoment(meta('x', ['dinner']), 'bedtime')).toBe(false);
    expect(fitsMoment(meta('x', ['dinner']), 'any')).toBe(false);
    expect(fitsMoment(meta('x', ['any']), 'weekend')).toBe(true);
    expect(fitsMoment(meta('x', ['any']), 'any')).toBe(true);
  });

  test('gives only prompts that fit the moment and the kind asked for', () => {
    expect(new Set(picks(pool, 8, { moment: 'dinner', kind: 'micro-moment' }).ids)).toEqual(new Set(['a', 'b', 'd']));
    expect(new Set(picks(pool, 8, { moment: 'bedtime' }).ids)).toEqual(new Set(['b', 'c', 'd', 'f']));
    expect(new Set(picks(pool, 4, { moment: 'any' }).ids)).toEqual(new Set(['d', 'f']));
    expect(new Set(picks(pool, 4, { moment: 'weekend', kind: 'connection' }).ids)).toEqual(new Set(['f']));
  });

  test('never gives a hidden prompt, and gives nothing when all that fit are hidden', () => {
    const hidden = new Set(['a', 'd']);
    expect(new Set(picks(pool, 10, { moment: 'dinner', kind: 'micro-moment', hidden }).ids)).toEqual(new Set(['b']));
    expect(choosePrompt(pool, EMPTY_ROTATION, { moment: 'dinner', kind: 'micro-moment', hidden: new Set(['a', 'b', 'd']), seed: 3 })).toBeNull();
  });

  test('gives nothing from an empty pool or when nothing fits', () => {
    expect(choosePrompt([], EMPTY_ROTATION, { moment: 'dinner', hidden: none, seed: 1 })).toBeNull();
    expect(choosePrompt(pool, EMPTY_ROTATION, { moment: 'weekend', kind: 'self-compassion', hidden: none, seed: 1 })).toBeNull();
  });

  test('no repeat until every fitting prompt has come, then a new round without an immediate repeat', () => {
    const many = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => meta(id, ['focus']));
    for (let seed = 0; seed < 50; seed++) {
      const { ids } = picks(many, 15, { moment: 'focus', seed: seed * 7919 });
      for (let round = 0; round < 3; round++) {
        expect(new Set(ids.slice(round * 5, round * 5 + 5)).size).toBe(5);
      }
      for (let i = 1; i < ids.length; i++) expect(ids[i]).not.toBe(ids[i - 1]);
    }
  });

  test('with two prompts, rounds alternate', () => {
    const two = [meta('x', ['any']), meta('y', ['any'])];
    for (let seed = 0; seed < 20; seed++) {
      const { ids } = picks(two, 6, { moment: 'dinner', seed });
      expect(ids.join('')).toMatch(/^(xy)+$|^(yx)+$/);
    }
  });

  test('a single prompt comes every time', () => {
    expect(picks([meta('solo', ['bedtime'])], 3, { moment: 'bedtime' }).ids).toEqual(['solo', 'solo', 'solo']);
  });

  test('the same seed and state always give the same prompt; seeds spread the choice', () => {
    const many = Array.from({ length: 10 }, (_, i) => meta(`p${i}`, ['weekend']));
    const once = choosePrompt(many, EMPTY_ROTATION, { moment: 'weekend', hidden: none, seed: 1_767_000_000_000 });
    const again = choosePrompt(many, EMPTY_ROTATION, { moment: 'weekend', hidden: none, seed: 1_767_000_000_000 });
    expect(again).toEqual(once);
    const firsts = new Set(
      Array.from({ length: 200 }, (_, i) => choosePrompt(many, EMPTY_ROTATION, { moment: 'weekend', hidden: none, seed: 1_767_000_000_000 + i * 1000 })?.id),
    );
    expect(firsts.size).toBe(10);
  });

  test('odd seeds (negative, fractional, huge, NaN) still choose', () => {
    for (const seed of [-1, 0.5, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(choosePrompt(pool, EMPTY_ROTATION, { moment: 'dinner', hidden: none, seed })?.id).toMatch(/^[abdef]$/);
    }
  });

  test('rotations for different moments and kinds are kept apart', () => {
    let state = EMPTY_ROTATION;
    state = picks(pool, 2, { moment: 'dinner', kind: 'micro-moment' }, state).state;
    state = picks(pool, 1, { moment: 'bedtime' }, state).state;
    expect(Object.keys(state.rounds).sort()).toEqual([rotationKey('bedtime', undefined), rotationKey('dinner', 'micro-moment')]);
    expect(state.rounds['dinner|micro-moment']).toHaveLength(2);
    expect(state.rounds['bedtime|*']).toHaveLength(1);
  });

  test('a prompt added mid-round comes within the round; a hidden one drops out of it', () => {
    const three = [meta('a', ['any']), meta('b', ['any']), meta('c', ['any'])];
    const { ids, state } = picks(three, 2, { moment: 'any' });
    const rest = three.filter((p) => !ids.includes(p.id)).map((p) => p.id);
    const grown = [...three, meta('new', ['any'])];
    const next = picks(grown, 2, { moment: 'any', seed: 99 }, state);
    expect(new Set(next.ids)).toEqual(new Set([...rest, 'new']));

    const hidden = new Set([rest[0]!]);
    const afterHide = picks(three, 1, { moment: 'any', hidden, seed: 5 }, state);
    // Both others have come, the third is hidden: a new round, never opening with the last one.
    expect(afterHide.ids[0]).not.toBe(ids[1]);
    expect(afterHide.ids[0]).not.toBe(rest[0]);
  });

  test('the state is plain JSON, and holds only ids that exist and keys it knows', () => {
    const stale = JSON.parse(
      JSON.stringify({
        rounds: { 'dinner|*': ['gone', 'a'], nonsense: ['a'], 'bedtime|*': ['gone'] },
        last: { 'dinner|*': 'gone', 'bedtime|*': 'c', 'lunch|*': 'a' },
      }).replace('"nonsense"', '"__proto__": ["a"], "nonsense"'),
    ) as RotationState;
    expect(Object.keys(stale.rounds)).toContain('__proto__');
    const next = choosePrompt(pool, stale, { moment: 'weekend', hidden: none, seed: 4 })!;
    expect(JSON.parse(JSON.stringify(next.state))).toEqual(next.state);
    expect(next.state).toEqual({
      rounds: { 'dinner|*': ['a'], 'weekend|*': [next.id] },
      last: { 'bedtime|*': 'c', 'weekend|*': next.id },
    });
    expect(pruneRotation(next.state, new Set())).toEqual({ rounds: {}, last: {} });
  });

  test('does not change the state it was given', () => {
    const state: RotationState = { rounds: { 'dinner|*': ['a'] }, last: { 'dinner|*': 'a' } };
    const copy = structuredClone(state);
    choosePrompt(pool, state, { moment: 'dinner', hidden: none, seed: 8 });
    expect(state).toEqual(copy);
  });
});

describe('the prompt library', () => {
  const ids = PROMPT_LIBRARY.map((p) => p.id);
  const byKind = (kind: PromptKind) => PROMPT_LIBRARY.filter((p) => p.kind === kind);

  test('holds at least 80 prompts, in the planned mix', () => {
    expect(PROMPT_LIBRARY.length).toBeGreaterThanOrEqual(80);
    expect(byKind('micro-moment').length).toBeGreaterThanOrEqual(38);
    expect(byKind('self-compassion').length).toBeGreaterThanOrEqual(25);
    expect(byKind('connection').length).toBeGreaterThanOrEqual(12);
  });

  test('ids are unique, stable-looking kebab case, and make valid message keys', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(id.startsWith('custom-'), id).toBe(false);
      expect(promptMessageKey(id)).toMatch(/^[A-Za-z0-9_]+$/);
    }
  });

  test('every prompt names its moments (and ages) once each, from the known lists', () => {
    for (const p of PROMPT_LIBRARY) {
      expect(PROMPT_KINDS).toContain(p.kind);
      expect(p.moments.length, p.id).toBeGreaterThan(0);
      expect(new Set(p.moments).size, p.id).toBe(p.moments.length);
      for (const m of p.moments) expect(PROMPT_MOMENTS).toContain(m);
      // 'any' already fits every moment; naming others beside it would say nothing more.
      if (p.moments.includes('any')) expect(p.moments, p.id).toEqual(['any']);
      if (p.ages) {
        expect(p.ages.length, p.id).toBeGreaterThan(0);
        expect(p.ages.length, `${p.id}: every age is no age restriction`).toBeLessThan(AGE_RANGES.length);
        for (const a of p.ages) expect(AGE_RANGES).toContain(a);
      }
    }
  });

  test.each(ids)('"%s" has kind English words: short, with a description', (id) => {
    const entry = english[promptMessageKey(id)];
    expect(entry, `missing ${promptMessageKey(id)} in en`).toBeDefined();
    expect(entry!.message.length).toBeGreaterThan(10);
    expect(entry!.message.length, entry!.message).toBeLessThanOrEqual(110);
    expect(entry!.message).not.toMatch(/\$/); // no placeholders: prompts are whole sentences
    expect(entry!.description ?? '').not.toBe('');
    expect(toneProblems(entry!.message)).toEqual([]);
  });

  test('every prompt_ message in English belongs to a prompt in the library', () => {
    const keys = new Set(ids.map(promptMessageKey));
    const orphans = Object.keys(english).filter((key) => key.startsWith('prompt_') && !keys.has(key));
    expect(orphans).toEqual([]);
  });

  test('no two prompts say the same thing', () => {
    const texts = ids.map((id) => english[promptMessageKey(id)]?.message.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  test.each([
    ['micro-moment', PROMPT_MOMENTS],
    ['self-compassion', PROMPT_MOMENTS],
    ['connection', ['any', 'focus']],
  ] as const)('%s prompts are written for each of: %s', (kind, moments) => {
    for (const moment of moments) {
      expect(byKind(kind).filter((p) => p.moments.includes(moment)).length, moment).toBeGreaterThanOrEqual(2);
    }
  });

  test.each(PROMPT_MOMENTS.flatMap((moment) => [...PROMPT_KINDS, undefined].map((kind) => [moment, kind] as const)))(
    'at %s, kind %s, at least three prompts fit, so the rotation has some variety',
    (moment, kind) => {
      const fitting = PROMPT_LIBRARY.filter((p) => (kind === undefined || p.kind === kind) && fitsMoment(p, moment));
      expect(fitting.length).toBeGreaterThanOrEqual(3);
    },
  );

  test('a whole round of the library at dinner brings each fitting prompt once', () => {
    const fitting = PROMPT_LIBRARY.filter((p) => fitsMoment(p, 'dinner')).map((p) => p.id);
    const { ids: round } = picks(PROMPT_LIBRARY, fitting.length, { moment: 'dinner', seed: 1_767_225_600_000 });
    expect([...round].sort()).toEqual([...fitting].sort());
  });
});
