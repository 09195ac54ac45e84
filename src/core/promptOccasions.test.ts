// Over the whole library: for every kind of family time (and none), every hour of the
// day and every choice of children's ages, each prompt offered is one that fits, and
// something always is. "Fits" is judged here from the outside — the moment the prompt
// was written for, and its English words ("tonight", "on the way to school", "your
// teen") against the hour and the ages given — not from the tags the choosing reads.
import { describe, expect, test } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { PROMPT_LIBRARY } from './promptLibrary';
import { choosePrompt, type RotationState } from './promptRotation';
import { PROMPT_KINDS, occasionAt, promptMessageKey, type AgeRange, type Moment, type PromptKind, type PromptMeta } from './prompts';
import type { Occurrence } from './types';

const english = messages as Record<string, { message: string }>;
const words = (p: PromptMeta) => english[promptMessageKey(p.id)]!.message;

type FamilyTime = Occurrence['kind'] | undefined;
const FAMILY_TIMES: readonly FamilyTime[] = ['dinner', 'bedtime', 'weekend', 'school-run', 'connection', 'custom', 'focus', undefined];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const AGE_CHOICES: readonly AgeRange[][] = [[], ['baby'], ['little'], ['school'], ['teen'], ['baby', 'little'], ['school', 'teen'], ['little', 'teen']];

const isNight = (hour: number) => hour >= 21 || hour < 5;
const isDaylight = (hour: number) => hour >= 5 && hour < 17;
const isMorning = (hour: number) => hour >= 5 && hour < 11;

/** The moments each kind of family time was written for ('any' prompts fit them all); unnamed time at night winds down. */
function madeFor(time: FamilyTime, hour: number): Moment[] {
  switch (time) {
    case undefined:
      return [];
    case 'custom':
    case 'focus':
      return isNight(hour) ? ['focus', 'bedtime'] : ['focus'];
    case 'weekend':
      return isNight(hour) ? ['weekend', 'bedtime'] : ['weekend'];
    default:
      return [time];
  }
}

/** Words that tie a prompt to a time of day, and the hours they suit. */
const TIMED_WORDS: readonly [RegExp, (hour: number) => boolean, string][] = [
  [/tonight|lights out|bedtime|\bbed\b|asleep|drift off|good night|moon|late evening|tomorrow|bath/i, (h) => !isDaylight(h), 'an evening or night'],
  [/on the way to school|school gate|pancakes|the park|puddles|snails|a log/i, isDaylight, 'a daylight hour'],
  [/(laugh|noticed about them|did|went okay|got done|from|patience|caring)[^.]*today|of your day|of the day|day really went|dinner/i, (h) => !isMorning(h), 'a time after the morning'],
];

/** Words that tie a prompt to an age, and the range it needs among those given. */
const AGED_WORDS: readonly [RegExp, AgeRange][] = [
  [/\bteen/i, 'teen'],
  [/high chair/i, 'baby'],
];

/** Every prompt of a whole round (until one would come again), or [] when none comes. */
function round(time: FamilyTime, hour: number, ages: AgeRange[], kind: PromptKind | undefined): PromptMeta[] {
  const occasion = occasionAt(time, new Date(2026, 0, 5, hour, 20).getTime(), ages);
  let state: RotationState = { rounds: {}, last: {} };
  const shown: PromptMeta[] = [];
  for (let i = 0; i < PROMPT_LIBRARY.length; i++) {
    const next = choosePrompt(PROMPT_LIBRARY, state, { occasion, kind, hidden: new Set(), seed: hour * 1000 + i });
    if (!next || shown.some((p) => p.id === next.id)) break;
    shown.push(PROMPT_LIBRARY.find((p) => p.id === next.id)!);
    state = next.state;
  }
  return shown;
}

const cases = FAMILY_TIMES.flatMap((time) => HOURS.map((hour) => [time ?? 'none', hour, time] as const));

describe('every prompt offered fits the family time, the hour and the ages', () => {
  test.each(cases)('%s at %i:20', (_, hour, time) => {
    for (const ages of AGE_CHOICES) {
      for (const kind of [undefined, ...PROMPT_KINDS]) {
        const offered = round(time, hour, ages, kind);
        const where = `${String(time)} at ${hour}:20, ages [${ages.join(', ')}], kind ${String(kind)}`;
        expect(offered.length, `nothing offered: ${where}`).toBeGreaterThan(0);
        for (const p of offered) {
          const said = `${p.id} ("${words(p)}"), ${where}`;
          if (kind !== undefined) expect(p.kind, said).toBe(kind);
          // Time with friends leads with reaching out.
          if (time === 'connection' && kind === undefined) expect(p.kind, said).toBe('connection');
          expect(p.moments.includes('any') || p.moments.some((m) => madeFor(time, hour).includes(m)), `moment: ${said}`).toBe(true);
          for (const [pattern, suits, when] of TIMED_WORDS) {
            if (pattern.test(words(p))) expect(suits(hour), `words for ${when}: ${said}`).toBe(true);
          }
          if (ages.length > 0) {
            for (const [pattern, age] of AGED_WORDS) {
              if (pattern.test(words(p))) expect(ages, `words for ages ${age}: ${said}`).toContain(age);
            }
            if (p.ages) expect(p.ages.some((age) => ages.includes(age)), `tagged ages: ${said}`).toBe(true);
          }
        }
      }
    }
  });
});

describe('the moments parents tried', () => {
  test('"Story time", a custom window at 9:20 pm, offers wind-down prompts, never the school run', () => {
    const offered = round('custom', 21, [], undefined);
    expect(offered.map((p) => p.id)).not.toContain('focus-school-run-question');
    expect(offered.some((p) => p.moments.includes('bedtime'))).toBe(true);
    for (const p of offered) expect(p.moments.some((m) => m === 'bedtime' || m === 'any' || m === 'focus'), p.id).toBe(true);
  });

  test('a school run in the morning offers its own prompts; a bedtime window at breakfast offers no bedtime prompt', () => {
    expect(round('school-run', 8, ['school'], 'micro-moment').map((p) => p.id)).toContain('focus-school-run-question');
    expect(round('bedtime', 8, [], undefined).filter((p) => p.moments.includes('bedtime') && p.times)).toEqual([]);
  });

  test('"Lunch call with a friend" offers connection prompts, some written for time with friends', () => {
    const offered = round('connection', 12, [], undefined);
    expect(new Set(offered.map((p) => p.kind))).toEqual(new Set(['connection']));
    expect(offered.some((p) => p.moments.includes('connection'))).toBe(true);
  });

  test('the ages given change what comes: teen prompts only for teens, baby prompts only for babies', () => {
    const ids = (ages: AgeRange[]) => round('bedtime', 20, ages, 'micro-moment').map((p) => p.id);
    expect(ids(['teen'])).toContain('bedtime-teen-chat');
    expect(ids(['baby'])).not.toContain('bedtime-teen-chat');
    expect(ids(['baby'])).toContain('bedtime-lullaby');
    expect(ids(['teen'])).not.toContain('bedtime-lullaby');
    // None given: every age.
    expect(ids([])).toEqual(expect.arrayContaining(['bedtime-teen-chat', 'bedtime-lullaby']));
  });
});
