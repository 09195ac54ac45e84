// What a prompt is and where it fits: the occasion of each kind of family time at each
// hour, the fit by moment, time of day and ages, and the library's own shape and words.
import { describe, expect, test } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { PROMPT_LIBRARY } from './promptLibrary';
import { choosePrompt, type RotationState } from './promptRotation';
import {
  AGE_RANGES,
  DAY_PARTS,
  PROMPT_KINDS,
  PROMPT_MOMENTS,
  dayPartOf,
  fitsMoment,
  fitsOccasion,
  occasionAt,
  promptMessageKey,
  type Occasion,
  type PromptKind,
  type PromptMeta,
} from './prompts';
import { toneProblems } from './tone';

const english = messages as Record<string, { message: string; description?: string }>;
/** A local instant on a winter Monday at `hour`:20. */
const at = (hour: number) => new Date(2026, 0, 5, hour, 20).getTime();

describe('the occasion', () => {
  test.each([
    [0, 'night'], [4, 'night'], [5, 'morning'], [10, 'morning'], [11, 'day'], [16, 'day'], [17, 'evening'], [20, 'evening'], [21, 'night'], [23, 'night'],
  ] as const)('%i:00 is %s', (hour, part) => {
    expect(dayPartOf(hour)).toBe(part);
  });

  test.each([
    ['dinner', 18, ['dinner']],
    ['bedtime', 20, ['bedtime']],
    ['school-run', 8, ['school-run']],
    ['connection', 13, ['connection']],
    ['weekend', 10, ['weekend']],
    ['weekend', 22, ['weekend', 'bedtime']],
    ['focus', 15, ['focus']],
    ['custom', 21, ['focus', 'bedtime']],
    [undefined, 21, ['any']],
  ] as const)('%s at %i:20 fits the moments %j', (kind, hour, moments) => {
    expect(occasionAt(kind, at(hour), []).moments).toEqual(moments);
  });

  test('time with friends leads with connection prompts; other times lead with none', () => {
    expect(occasionAt('connection', at(13), []).leadKind).toBe('connection');
    expect(occasionAt('custom', at(13), []).leadKind).toBeUndefined();
  });

  test('a prompt fits by moment, by time of day when it names one, and by age when both it and the parent name some', () => {
    const evening: Occasion = { moments: ['bedtime'], dayPart: 'evening', ages: [] };
    const p = (extra: Partial<PromptMeta>): PromptMeta => ({ id: 'x', kind: 'micro-moment', moments: ['bedtime'], ...extra });
    expect(fitsOccasion(p({}), evening)).toBe(true);
    expect(fitsOccasion(p({ moments: ['dinner'] }), evening)).toBe(false);
    expect(fitsOccasion(p({ moments: ['any'] }), evening)).toBe(true);
    expect(fitsOccasion(p({ times: ['evening', 'night'] }), evening)).toBe(true);
    expect(fitsOccasion(p({ times: ['morning'] }), evening)).toBe(false);
    expect(fitsOccasion(p({ ages: ['teen'] }), evening)).toBe(true);
    expect(fitsOccasion(p({ ages: ['teen'] }), { ...evening, ages: ['baby', 'little'] })).toBe(false);
    expect(fitsOccasion(p({ ages: ['little', 'school'] }), { ...evening, ages: ['school'] })).toBe(true);
    expect(fitsOccasion(p({}), { ...evening, ages: ['baby'] })).toBe(true);
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

  test('every prompt names its moments (and ages and times) once each, from the known lists', () => {
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
      if (p.times) {
        expect(new Set(p.times).size, p.id).toBe(p.times.length);
        expect(p.times.length, `${p.id}: every time of day is no time restriction`).toBeLessThan(DAY_PARTS.length);
        for (const time of p.times) expect(DAY_PARTS).toContain(time);
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
    // Time with friends is not time with the children: no micro-moment is written for it.
    ['micro-moment', PROMPT_MOMENTS.filter((m) => m !== 'connection')],
    ['self-compassion', PROMPT_MOMENTS],
    ['connection', ['any', 'focus', 'connection']],
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
    const dinner = occasionAt('dinner', at(18), []);
    const fitting = PROMPT_LIBRARY.filter((p) => fitsOccasion(p, dinner)).map((p) => p.id);
    let state: RotationState = { rounds: {}, last: {} };
    const round: string[] = [];
    for (let i = 0; i < fitting.length; i++) {
      const next = choosePrompt(PROMPT_LIBRARY, state, { occasion: dinner, hidden: new Set(), seed: 1_767_225_600_000 + i })!;
      round.push(next.id);
      state = next.state;
    }
    expect([...round].sort()).toEqual([...fitting].sort());
  });
});
