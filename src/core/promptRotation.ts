// Which fitting prompt comes next: a seeded rotation per moment and kind, so no prompt
// comes twice until every prompt that fits has come. Pure: the same pool, state and seed
// always give the same prompt.

import { PROMPT_KINDS, PROMPT_MOMENTS, fitsOccasion, type Moment, type Occasion, type PromptKind, type PromptMeta } from './prompts';

/**
 * Where each rotation stands, keyed by `${moment}|${kind ?? '*'}`: the ids already
 * shown in the current round, and the last id shown. Plain JSON, small: only ids
 * that still exist are kept.
 */
export interface RotationState {
  rounds: Record<string, string[]>;
  last: Record<string, string>;
}

export function rotationKey(moment: Moment, kind: PromptKind | undefined): string {
  return `${moment}|${kind ?? '*'}`;
}

const KEY_PATTERN = new RegExp(`^(?:${PROMPT_MOMENTS.join('|')})\\|(?:${PROMPT_KINDS.join('|')}|\\*)$`);

export interface ChooseOptions {
  /** Where the prompt will be read (prompts.ts `occasionAt`); its first moment names the rotation. */
  occasion: Occasion;
  /** Only prompts of this kind; undefined: the occasion's lead kind, or else every kind. */
  kind?: PromptKind;
  /** Prompts the parent has hidden for good. */
  hidden: ReadonlySet<string>;
  /** Any number (Date.now() will do); the same seed and state give the same choice. */
  seed: number;
}

/** mulberry32: a tiny, well-spread 32-bit PRNG. Returns numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Folds any number (an epoch-ms time is wider than 32 bits) and a key into one 32-bit seed. */
function seed32(seed: number, key: string): number {
  const n = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  let h = (n % 4294967296) ^ Math.floor(n / 4294967296);
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The next prompt for an occasion (and kind), and the rotation state after it.
 * No prompt comes twice in a round; a round ends when every fitting prompt has come,
 * and the next round never opens with the prompt that closed the last one (when there
 * are two or more). Hidden prompts never come. Null when nothing fits.
 */
export function choosePrompt(
  pool: readonly PromptMeta[],
  state: RotationState,
  opts: ChooseOptions,
): { id: string; state: RotationState } | null {
  const kind = opts.kind ?? opts.occasion.leadKind;
  const key = rotationKey(opts.occasion.moments[0] ?? 'any', kind);
  const candidates = [
    ...new Set(
      pool
        .filter((p) => (kind === undefined || p.kind === kind) && fitsOccasion(p, opts.occasion))
        .map((p) => p.id)
        .filter((id) => !opts.hidden.has(id)),
    ),
  ];
  if (candidates.length === 0) return null;

  const fitting = new Set(candidates);
  let used = [...new Set(state.rounds[key] ?? [])].filter((id) => fitting.has(id));
  let remaining = candidates.filter((id) => !used.includes(id));
  if (remaining.length === 0) {
    // Everything has come: a new round.
    used = [];
    remaining = candidates;
  }
  const last = state.last[key];
  if (remaining.length >= 2 && last !== undefined) remaining = remaining.filter((id) => id !== last);

  const random = mulberry32(seed32(opts.seed, key));
  const id = remaining[Math.floor(random() * remaining.length)] ?? remaining[0]!;

  const next = pruneRotation(state, new Set(pool.map((p) => p.id)));
  next.rounds[key] = [...used, id];
  next.last[key] = id;
  return { id, state: next };
}

/** A copy of `state` holding only well-formed keys and ids that exist. */
export function pruneRotation(state: RotationState, existing: ReadonlySet<string>): RotationState {
  const rounds: Record<string, string[]> = {};
  const last: Record<string, string> = {};
  for (const [key, ids] of Object.entries(state.rounds)) {
    if (!KEY_PATTERN.test(key)) continue;
    const kept = [...new Set(ids)].filter((id) => existing.has(id));
    if (kept.length > 0) rounds[key] = kept;
  }
  for (const [key, id] of Object.entries(state.last)) {
    if (KEY_PATTERN.test(key) && existing.has(id)) last[key] = id;
  }
  return { rounds, last };
}
