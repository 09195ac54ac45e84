// Gentle prompts: what they are, and where each one fits — the kind of family time that
// is on, the time of day, and the children's ages when the parent has given them. Which
// fitting prompt comes next is promptRotation.ts. The texts live in
// public/_locales/<lang>/messages.json (library) or in storage (a parent's own prompts);
// this module only ever handles ids.

import type { Occurrence } from './types';

export const PROMPT_KINDS = ['micro-moment', 'self-compassion', 'connection'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

export const PROMPT_MOMENTS = ['dinner', 'bedtime', 'weekend', 'school-run', 'focus', 'connection', 'any'] as const;
/**
 * The kind of family time a prompt is for. 'focus' is time together of no named kind (a
 * focus block, the parent's own windows); 'connection' is time with the parent's own
 * people; 'any' fits every moment, and time outside them.
 */
export type Moment = (typeof PROMPT_MOMENTS)[number];

export const AGE_RANGES = ['baby', 'little', 'school', 'teen'] as const;
/** baby (0–1), little (2–5), school (6–12), teen (13+). */
export type AgeRange = (typeof AGE_RANGES)[number];

export const DAY_PARTS = ['morning', 'day', 'evening', 'night'] as const;
/** morning 05:00–10:59, day 11:00–16:59, evening 17:00–20:59, night 21:00–04:59, local time. */
export type DayPart = (typeof DAY_PARTS)[number];

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
  /** Only where the prompt suits some times of day and not others ("tonight", "at lights out"). */
  times?: DayPart[];
}

/** Where a prompt will be read: what it has to fit. */
export interface Occasion {
  /** The moments that fit, the first naming the rotation (promptRotation.ts). */
  moments: readonly Moment[];
  dayPart: DayPart;
  /** The children's age ranges; none given: every age fits. */
  ages: readonly AgeRange[];
  /** The kind of prompt offered when the page asks for none: time with friends leads with connection. */
  leadKind?: PromptKind;
}

/** The part of the day a local hour (0–23) falls in. */
export function dayPartOf(hour: number): DayPart {
  if (hour >= 5 && hour < 11) return 'morning';
  if (hour >= 11 && hour < 17) return 'day';
  if (hour >= 17 && hour < 21) return 'evening';
  return 'night';
}

/**
 * Where the parent is at `now` (local time): the kind of family time that is on (none:
 * undefined) and the children's ages. Named kinds keep to their own moment; long or
 * unnamed time together (a weekend, a focus block, "Story time") at night borrows
 * bedtime's, so a late custom window offers wind-down prompts rather than daytime ones.
 */
export function occasionAt(kind: Occurrence['kind'] | undefined, now: number, ages: readonly AgeRange[]): Occasion {
  const dayPart = dayPartOf(new Date(now).getHours());
  const atNight = (own: Moment): Moment[] => (dayPart === 'night' ? [own, 'bedtime'] : [own]);
  switch (kind) {
    case 'dinner':
    case 'bedtime':
    case 'school-run':
      return { moments: [kind], dayPart, ages };
    case 'connection':
      return { moments: ['connection'], dayPart, ages, leadKind: 'connection' };
    case 'weekend':
      return { moments: atNight('weekend'), dayPart, ages };
    case 'focus':
    case 'custom':
      return { moments: atNight('focus'), dayPart, ages };
    case undefined:
      return { moments: ['any'], dayPart, ages };
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

/** Whether a prompt suits the occasion: one of its moments, its time of day, and the ages given (if any). */
export function fitsOccasion(prompt: PromptMeta, occasion: Occasion): boolean {
  return (
    occasion.moments.some((moment) => fitsMoment(prompt, moment)) &&
    (prompt.times === undefined || prompt.times.includes(occasion.dayPart)) &&
    (prompt.ages === undefined || occasion.ages.length === 0 || prompt.ages.some((age) => occasion.ages.includes(age)))
  );
}
