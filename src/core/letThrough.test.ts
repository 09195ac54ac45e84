import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRules, foldText, matchingRule, type LetThroughRule } from './letThrough';

const rules: LetThroughRule[] = [
  { id: 'a', text: 'School office' },
  { id: 'b', text: 'urgent' },
  { id: 'c', text: 'Little Acorns', siteId: 'gmail' },
  { id: 'd', text: 'Crèche' },
];
const match = (siteId: string, title: string, body = '') => matchingRule(compileRules(rules, siteId), title, body)?.id ?? null;

describe('let-through matching', () => {
  it.each([
    ['School office', '', 'a'],
    ['From the SCHOOL OFFICE', '', 'a'],
    ['Sam', 'the school  office called about pick-up', 'a'],
    ['Re: URGENT: servers', '', 'b'],
    ['urgent!', '', 'b'],
    ['(urgent)', '', 'b'],
    ['Creche', 'pick-up moved', 'd'],
    ['crèche', '', 'd'],
    ['CRÈCHE', '', 'd'],
  ])('%j / %j lets through by rule %s', (title, body, id) => {
    expect(match('slack', title, body)).toBe(id);
  });

  it.each([
    ['insurgent forces', ''],
    ['urgently', ''],
    ['Schooloffice', ''],
    ['School', 'office hours'],
    ['Sam', 'lunch?'],
    ['', ''],
  ])('%j / %j is held', (title, body) => {
    expect(match('slack', title, body)).toBeNull();
  });

  it('a rule for one site lets through only on that site', () => {
    expect(match('gmail', 'Little Acorns nursery')).toBe('c');
    expect(match('slack', 'Little Acorns nursery')).toBeNull();
  });

  // Unicode-wide graphemes are slow to make: fewer runs, and time to spare on a busy machine.
  it('never throws, whatever the rule or the text, and a rule always matches its own words', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 200 }), (text, body) => {
        const compiled = compileRules([{ id: 'x', text }], 's');
        matchingRule(compiled, body, body);
        if (foldText(text) !== '') expect(matchingRule(compiled, `— ${text} —`, '')?.id).toBe('x');
      }),
      { numRuns: 200 },
    );
  });

  it('matches whole words only: a word inside a longer one is held', { timeout: 30_000 }, () => {
    const word = fc.stringMatching(/^[a-z]{3,10}$/);
    fc.assert(
      fc.property(word, fc.stringMatching(/^[a-z]{1,5}$/), fc.stringMatching(/^[a-z]{1,5}$/), (w, before, after) => {
        const compiled = compileRules([{ id: 'x', text: w }], 's');
        expect(matchingRule(compiled, `${before}${w}${after}`, '')).toBeNull();
        expect(matchingRule(compiled, `${before} ${w.toUpperCase()}, ${after}`, '')?.id).toBe('x');
      }),
      { numRuns: 300 },
    );
  });
});
