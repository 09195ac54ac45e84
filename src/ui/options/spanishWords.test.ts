// Words in the Spanish settings that once read wrong: tucking tabs away was "guardar"
// (which is saving, as in "Guardar nombre"), and a way through was "tomar un paso"
// (taking a step). Tucking is "recoger", kept apart from "Apartar", the set-aside mode.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const es = JSON.parse(readFileSync('public/_locales/es/messages.json', 'utf8')) as Record<string, { message: string }>;
const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

/** The messages about tucking tabs away, found by their English words. */
const tuckKeys = Object.keys(en).filter((key) => /\btuck/i.test(en[key]!.message) && !key.startsWith('prompt_'));

describe('Spanish words for tucking tabs away and for a way through', () => {
  test('tucking is "recoger", never the word for saving nor the set-aside mode', () => {
    expect(tuckKeys.length).toBeGreaterThan(8);
    for (const key of tuckKeys) {
      expect(es[key]!.message, key).toMatch(/recog/i);
      expect(es[key]!.message, key).not.toMatch(/guard|apart/i);
    }
    expect(es.siteTuckFor!.message).toBe('Recoger las pestañas de $NAME$ durante el tiempo en familia');
  });

  test('a way through is a moment to go through, not a step', () => {
    const all = Object.values(es).map((m) => m.message);
    expect(all.filter((m) => /tomas? un paso/i.test(m))).toEqual([]);
    expect(es.sitesTuckChromium!.message).toContain('cuando te tomas un momento para pasar');
  });
});
