// Each list's subject (wording.ts's subjectKeys) names an item by its name or by its
// place: the keys it is given must each hold that one substitution. The scan in
// tests/unit/core-say.test.ts sees only keys written as say('…', […]), not these.
import { describe, expect, test } from 'vitest';
import { fileVoice } from './fileVoice';
import { STORED } from './parse';

const refuse = (sentence: string): never => {
  throw new Error(sentence);
};

describe.each([
  ['a settings file', fileVoice(refuse)],
  ['stored settings', STORED],
])('%s', (_, voice) => {
  test.each(['windows', 'blocks', 'skips', 'sites'] as const)('names an item of %s by its name or its place', (list) => {
    const { noun } = voice[list];
    expect(noun.named('Dinner')).toMatch(/^The .*"Dinner"/);
    expect(noun.numbered('3rd')).toMatch(/^The 3rd /);
  });
});
