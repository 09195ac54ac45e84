// Gentle prompts: what they are, which moment they fit, and how the next one is
// chosen. Pure and seeded: the same pool, state and seed always give the same prompt.
// The texts live in public/_locales/<lang>/messages.json (library) or in storage
// (a parent's own prompts); this module only ever handles ids.

import type { Occurrence } from './types';

export const PROMPT_KINDS = ['micro-moment', 'self-compassion', 'connection'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

export const PROMPT_MOMENTS = ['dinner', 'bedtime', 'weekend', 'focus', 'any'] as const;
/** The kind of family time a prompt is for; 'any' fits every moment, and time outside them. */
export type Moment = (typeof PROMPT_MOMENTS)[number];

export const AGE_RANGES = ['baby', 'little', 'school', 'teen'] as const;
/** baby (0–1), little (2–5), school (6–12), teen (13+). */
export type AgeRange = (typeof AGE_RANGES)[number];

/** What a page shows: one prompt, in the parent's language or the parent's own words. */
export interface PromptView {
  id: string;
  text: string;
  kind: PromptKind;
  favourite: boolean;
  custom: boolean;
}

/** A prompt without its text: enough to choose it. */
export interface PromptMeta {
  id: string;
  kind: PromptKind;
  moments: Moment[];
  /** Only where the prompt suits some ages and not others. */
  ages?: AgeRange[];
}

/** The moment that the family time that is on belongs to (none on: 'any'). */
export function momentOf(kind: Occurrence['kind'] | undefined): Moment {
  switch (kind) {
    case 'dinner':
    case 'bedtime':
    case 'weekend':
      return kind;
    case 'focus':
    case 'custom':
    case 'school-run':
      return 'focus';
    case undefined:
      return 'any';
  }
}

/** The library message key of a prompt id: "dinner-music" → "prompt_dinner_music". */
export function promptMessageKey(id: string): string {
  return `prompt_${id.replaceAll('-', '_')}`;
}

/** Whether a prompt suits a moment: made for it, or for any moment. */
export function fitsMoment(prompt: Pick<PromptMeta, 'moments'>, moment: Moment): boolean {
  return prompt.moments.includes(moment) || prompt.moments.includes('any');
}

// ---------------------------------------------------------------------------
// Rotation
// ---------------------------------------------------------------------------

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
  moment: Moment;
  /** Only prompts of this kind; undefined: every kind. */
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
 * The next prompt for a moment (and kind), and the rotation state after it.
 * No prompt comes twice in a round; a round ends when every fitting prompt has come,
 * and the next round never opens with the prompt that closed the last one (when there
 * are two or more). Hidden prompts never come. Null when nothing fits.
 */
export function choosePrompt(
  pool: readonly PromptMeta[],
  state: RotationState,
  opts: ChooseOptions,
): { id: string; state: RotationState } | null {
  const key = rotationKey(opts.moment, opts.kind);
  const candidates = [
    ...new Set(
      pool
        .filter((p) => (opts.kind === undefined || p.kind === opts.kind) && fitsMoment(p, opts.moment))
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
