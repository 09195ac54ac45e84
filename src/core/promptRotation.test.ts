// Which prompt comes next: no repeats within a round, rounds kept apart per moment and
// kind, seeded and deterministic, the state small and plain.
import { describe, expect, test } from 'vitest';
import { choosePrompt, pruneRotation, rotationKey, type RotationState } from './promptRotation';
import { fitsMoment, type Moment, type Occasion, type PromptKind, type PromptMeta } from './prompts';

const none = new Set<string>();
/** No prompt shown yet (frozen: choosing never changes the state it is given). */
const EMPTY_ROTATION: RotationState = Object.freeze({ rounds: {}, last: {} });

const meta = (id: string, moments: Moment[], kind: PromptKind = 'micro-moment'): PromptMeta => ({ id, kind, moments });
/** Just one moment, in the daytime, ages not given (the pools here name no times or ages). */
const only = (moment: Moment): Occasion => ({ moments: [moment], dayPart: 'day', ages: [] });

/** `count` picks in a row for one moment (and kind), threading the state through. */
function picks(
  pool: readonly PromptMeta[],
  count: number,
  opts: { moment: Moment; kind?: PromptKind; hidden?: ReadonlySet<string>; seed?: number },
  state: RotationState = EMPTY_ROTATION,
): { ids: string[]; state: RotationState } {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const next = choosePrompt(pool, state, { occasion: only(opts.moment), kind: opts.kind, hidden: opts.hidden ?? none, seed: (opts.seed ?? 1) + i });
    if (!next) throw new Error('no prompt');
    ids.push(next.id);
    state = next.state;
  }
  return { ids, state };
}

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
    expect(choosePrompt(pool, EMPTY_ROTATION, { occasion: only('dinner'), kind: 'micro-moment', hidden: new Set(['a', 'b', 'd']), seed: 3 })).toBeNull();
  });

  test('gives nothing from an empty pool or when nothing fits', () => {
    expect(choosePrompt([], EMPTY_ROTATION, { occasion: only('dinner'), hidden: none, seed: 1 })).toBeNull();
    expect(choosePrompt(pool, EMPTY_ROTATION, { occasion: only('weekend'), kind: 'self-compassion', hidden: none, seed: 1 })).toBeNull();
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
    const once = choosePrompt(many, EMPTY_ROTATION, { occasion: only('weekend'), hidden: none, seed: 1_767_000_000_000 });
    const again = choosePrompt(many, EMPTY_ROTATION, { occasion: only('weekend'), hidden: none, seed: 1_767_000_000_000 });
    expect(again).toEqual(once);
    const firsts = new Set(
      Array.from({ length: 200 }, (_, i) => choosePrompt(many, EMPTY_ROTATION, { occasion: only('weekend'), hidden: none, seed: 1_767_000_000_000 + i * 1000 })?.id),
    );
    expect(firsts.size).toBe(10);
  });

  test('odd seeds (negative, fractional, huge, NaN) still choose', () => {
    for (const seed of [-1, 0.5, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(choosePrompt(pool, EMPTY_ROTATION, { occasion: only('dinner'), hidden: none, seed })?.id).toMatch(/^[abdef]$/);
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
    const next = choosePrompt(pool, stale, { occasion: only('weekend'), hidden: none, seed: 4 })!;
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
    choosePrompt(pool, state, { occasion: only('dinner'), hidden: none, seed: 8 });
    expect(state).toEqual(copy);
  });
});

