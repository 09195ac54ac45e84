import { describe, expect, test } from 'vitest';
import { toneRefusal } from './promptTone';

describe('the tone of a prompt in the parent’s own words', () => {
  test('a shaming word or phrase is named in a kind sentence', () => {
    expect(toneRefusal('You should call your sister')).toBe(
      'That prompt uses the word "should". Hearth keeps prompts free of pressure — try saying it another way.',
    );
    expect(toneRefusal('I have to be more patient')).toBe(
      'That prompt uses the words "have to". Hearth keeps prompts free of pressure — try saying it another way.',
    );
  });

  test('the same words taking pressure off pass', () => {
    expect(toneRefusal("You don't have to tidy tonight")).toBeNull();
  });
});
