// Property tests for choosing prompts. The oracle is a model of the documented rule:
// per (moment, kind), the prompts that fit (the moment, the time of day, the ages given)
// and are not hidden form the pool, whatever the hour and ages of each call; a pick is
// never one already used this round unless the whole pool has been used (a new round),
// and a new round never opens with the round's last pick when the pool has two or more.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_RANGES, DAY_PARTS, PROMPT_KINDS, PROMPT_MOMENTS, fitsMoment } from './prompts';
import type { AgeRange, DayPart, Moment, Occasion, PromptKind, PromptMeta } from './prompts';
import { choosePrompt, rotationKey, type RotationState } from './promptRotation';

const RUNS = 300;
/** No prompt shown yet (frozen: choosing never changes the state it is given). */
const EMPTY_ROTATION: RotationState = Object.freeze({ rounds: {}, last: {} });

const kind = fc.constantFrom(...PROMPT_KINDS);
const moment = fc.constantFrom(...PROMPT_MOMENTS);
const dayPart = fc.constantFrom(...DAY_PARTS);
const ages = fc.subarray([...AGE_RANGES]);

/** Pools of up to 12 prompts with unique ids; few kinds and moments, so pools overlap a lot. */
const pool = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }).chain((ns) =>
  fc.tuple(
    ...ns.map((n) =>
      fc.record({
        id: fc.constant(`p${n}`),
        kind,
        moments: fc.uniqueArray(moment, { minLength: 1, maxLength: 3 }),
        times: fc.option(fc.uniqueArray(dayPart, { minLength: 1, maxLength: 3 }), { nil: undefined }),
        ages: fc.option(fc.uniqueArray(fc.constantFrom(...AGE_RANGES), { minLength: 1, maxLength: 3 }), { nil: undefined }),
      }, { requiredKeys: ['id', 'kind', 'moments'] }),
    ),
  ),
) as fc.Arbitrary<PromptMeta[]>;

interface Call {
  moment: Moment;
  dayPart: DayPart;
  ages: AgeRange[];
  kind: PromptKind | undefined;
  hiddenMask: number;
  seed: number;
}

const call: fc.Arbitrary<Call> = fc.record({
  // Mostly one moment and every kind, so the same rotation comes up again and again.
  moment: fc.oneof({ weight: 4, arbitrary: fc.constant<Moment>('dinner') }, { weight: 1, arbitrary: moment }),
  // The hour and the ages given change between calls: the round is kept across them.
  dayPart,
  ages,
  kind: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: kind }),
  // Which prompts (by position) are hidden at this call: mostly none, sometimes a few.
  hiddenMask: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xfff })),
  seed: fc.oneof(fc.integer(), fc.double({ noNaN: false }), fc.constant(1_767_225_600_000)),
});

const hiddenOf = (prompts: readonly PromptMeta[], mask: number) =>
  new Set(prompts.filter((_, i) => (mask >> i) & 1).map((p) => p.id));

type Where = Pick<Call, 'moment' | 'dayPart' | 'ages' | 'kind'>;
const occasionOf = (c: Where): Occasion => ({ moments: [c.moment], dayPart: c.dayPart, ages: c.ages });

/** Fits, as the rule says: the moment, a time of day named (or none), an age given (or none given, or none named). */
const fits = (p: PromptMeta, c: Where) =>
  (c.kind === undefined || p.kind === c.kind) &&
  fitsMoment(p, c.moment) &&
  (!p.times || p.times.includes(c.dayPart)) &&
  (!p.ages || c.ages.length === 0 || c.ages.some((age) => p.ages!.includes(age)));

const fittingOf = (prompts: readonly PromptMeta[], c: Where, hidden: ReadonlySet<string>) =>
  prompts.filter((p) => fits(p, c) && !hidden.has(p.id)).map((p) => p.id);

describe('choosePrompt properties', () => {
  it('follows the round model over any sequence of calls, moments, kinds and hidden sets', () => {
    fc.assert(
      fc.property(pool, fc.array(call, { maxLength: 60 }), (prompts, calls) => {
        let state: RotationState = EMPTY_ROTATION;
        const used = new Map<string, Set<string>>();
        const last = new Map<string, string>();
        for (const c of calls) {
          const hidden = hiddenOf(prompts, c.hiddenMask);
          const candidates = fittingOf(prompts, c, hidden);
          const result = choosePrompt(prompts, state, { occasion: occasionOf(c), kind: c.kind, hidden, seed: c.seed });
          if (candidates.length === 0) {
            expect(result).toBeNull();
            continue;
          }
          expect(result).not.toBeNull();
          const { id } = result!;
          const key = rotationKey(c.moment, c.kind);
          let round = new Set([...(used.get(key) ?? [])].filter((x) => candidates.includes(x)));
          if (candidates.every((x) => round.has(x))) round = new Set(); // a new round
          expect(candidates).toContain(id);
          expect(hidden.has(id)).toBe(false);
          expect(round.has(id)).toBe(false);
          const open = candidates.filter((x) => !round.has(x));
          if (open.length >= 2 && last.has(key)) expect(id).not.toBe(last.get(key));
          round.add(id);
          used.set(key, round);
          last.set(key, id);
          state = result!.state;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('with a fixed pool, every run of n picks brings all n, and no pick repeats the one before', () => {
    fc.assert(
      fc.property(pool, moment, dayPart, ages, fc.option(kind, { nil: undefined }), fc.integer(), fc.nat({ max: 0xfff }), (prompts, m, d, a, k, seed, mask) => {
        const hidden = hiddenOf(prompts, mask);
        const where = { moment: m, dayPart: d, ages: a, kind: k };
        const candidates = fittingOf(prompts, where, hidden);
        fc.pre(candidates.length > 0);
        const n = candidates.length;
        let state: RotationState = EMPTY_ROTATION;
        const ids: string[] = [];
        for (let i = 0; i < 3 * n; i++) {
          const next = choosePrompt(prompts, state, { occasion: occasionOf(where), kind: k, hidden, seed: seed + i * 7 })!;
          ids.push(next.id);
          state = next.state;
        }
        for (let r = 0; r < 3; r++) expect(new Set(ids.slice(r * n, r * n + n))).toEqual(new Set(candidates));
        if (n >= 2) for (let i = 1; i < ids.length; i++) expect(ids[i]).not.toBe(ids[i - 1]);
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: the same pool, state, options and seed give the same answer', () => {
    fc.assert(
      fc.property(pool, fc.array(call, { minLength: 1, maxLength: 20 }), (prompts, calls) => {
        let a: RotationState = EMPTY_ROTATION;
        let b: RotationState = EMPTY_ROTATION;
        for (const c of calls) {
          const opts = { occasion: occasionOf(c), kind: c.kind, hidden: hiddenOf(prompts, c.hiddenMask), seed: c.seed };
          const ra = choosePrompt(prompts, a, opts);
          // The second run goes through JSON, as the state does through storage.
          const rb = choosePrompt(prompts, JSON.parse(JSON.stringify(b)) as RotationState, opts);
          expect(rb).toEqual(ra);
          if (ra && rb) {
            a = ra.state;
            b = rb.state;
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the state small: only ids in the pool, each round within its pool', () => {
    fc.assert(
      fc.property(pool, fc.array(call, { maxLength: 40 }), fc.nat({ max: 12 }), (prompts, calls, drop) => {
        let state: RotationState = EMPTY_ROTATION;
        for (const c of calls) {
          state = choosePrompt(prompts, state, { occasion: occasionOf(c), kind: c.kind, hidden: new Set(), seed: c.seed })?.state ?? state;
        }
        // Retire some prompts: the next choice forgets them everywhere.
        const kept = prompts.slice(drop);
        const next = choosePrompt(kept, state, { occasion: occasionOf({ moment: 'any', dayPart: 'day', ages: [], kind: undefined }), hidden: new Set(), seed: 1 });
        const after = next?.state ?? state;
        const ids = new Set((next ? kept : prompts).map((p) => p.id));
        for (const [key, round] of Object.entries(after.rounds)) {
          expect(new Set(round).size).toBe(round.length);
          for (const id of round) expect(ids.has(id), `${key} ${id}`).toBe(true);
          expect(round.length).toBeLessThanOrEqual(ids.size);
        }
        for (const id of Object.values(after.last)) expect(ids.has(id)).toBe(true);
        expect(Object.keys(after.rounds).length).toBeLessThanOrEqual(PROMPT_MOMENTS.length * (PROMPT_KINDS.length + 1));
      }),
      { numRuns: RUNS },
    );
  });
});
