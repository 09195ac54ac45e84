// A small seeded pseudo-random source for browser tests that pick their steps and
// timings at random: the same seed gives the same run, so a failure can be replayed.

/** mulberry32: 32 bits of state, plenty for choosing steps and delays. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    /** 0 <= x < 1 */
    next,
    /** An integer in [0, max]. */
    upTo: (max: number): number => Math.floor(next() * (max + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

/** The seed from `name` in the environment (to replay a run), else `fallback`. */
export function seedFrom(name: string, fallback: number): number {
  const given = Number(process.env[name]);
  return Number.isInteger(given) ? given : fallback;
}
