// The settings file is a trust line: whatever a parent picks, Hearth reads it without
// crashing, refuses anything it can't use whole with one sentence that names what is
// wrong, and reads back exactly what it wrote. 10,000 hostile files per property
// (tests/unit/hostile.ts), with a fixed seed printed for the docs.
//
// Checks inside the properties are plain comparisons, with expect only to word a
// failure: 10,000 expect calls cost seconds. An exception thrown by the code under
// test fails the property by itself (fast-check reports it with its input).
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PROPERTY_TIMEOUT, checkProperty } from '../../../tests/unit/fuzz';
import { settingsFileText, validSettings } from '../../../tests/unit/hostile';
import { vagueness } from '../../../tests/unit/refusals';
import { SettingsSchema } from './schema';
import { exportSettingsFile, parseSettingsFile } from './file';

const NOW = Date.UTC(2025, 2, 15, 2, 30);

/** Settings as storage and files keep them: JSON (a day written -0 reads back as 0). */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const sameAs = (actual: unknown, expected: unknown) => {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
};

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).join();

describe('parseSettingsFile with hostile files', () => {
  it('tells a specific refusal from a vague one (the check the properties lean on)', () => {
    expect(vagueness(`The window "Dinner" has an end time "25:00" Hearth can't read.`)).toBeNull();
    expect(vagueness('This file is empty, so there are no settings in it to import.')).toBeNull();
    expect(vagueness("Hearth couldn't read the settings in this file, so yours are just as they were.")).toMatch(/bare fallback/);
    expect(vagueness('Something went wrong.')).toMatch(/none of the known/);
    expect(vagueness('')).toMatch(/empty/);
  });

  it(
    'never throws; refuses with a specific sentence, or accepts settings that read back the same',
    () => {
      const before = prototypeKeys();
      let refused = 0;
      checkProperty(
        'settings file, hostile text',
        fc.property(settingsFileText, (text) => {
          const result = parseSettingsFile(text);
          if (!result.ok) {
            refused++;
            const why = vagueness(result.error);
            if (why !== null) expect.fail(`${why}: ${JSON.stringify(result.error)}`);
          } else {
            if (!v.is(SettingsSchema, result.settings)) expect.fail('accepted settings the schema does not pass');
            sameAs(parseSettingsFile(exportSettingsFile(result.settings, NOW).json), { ok: true, settings: asJson(result.settings) });
          }
          // Keys like "__proto__" in a file stay data: nothing reaches Object.prototype.
          if (prototypeKeys() !== before || 'polluted' in {}) expect.fail('Object.prototype changed');
        }),
      );
      // Both sides were tried, not only refusals.
      expect(refused).toBeGreaterThan(1000);
      expect(refused).toBeLessThan(9000);
    },
    PROPERTY_TIMEOUT,
  );

  it(
    'reads back exactly the settings it exported',
    () => {
      checkProperty(
        'settings file, export then import',
        fc.property(validSettings, (settings) => {
          sameAs(parseSettingsFile(exportSettingsFile(settings, NOW).json), { ok: true, settings });
        }),
      );
    },
    PROPERTY_TIMEOUT,
  );
});
