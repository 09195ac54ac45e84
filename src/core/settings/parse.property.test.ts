// Stored settings are a trust line: storage may hold anything (an older Hearth, a
// newer one, a hand-edited sync copy, a bug). Every read returns settings the schema
// passes, never throws, keeps every part that is still usable, and says what it set
// aside. 10,000 stored values per property (tests/unit/hostile.ts), seed printed.
//
// Checks inside the properties are plain comparisons, with expect only to word a
// failure: 10,000 expect calls cost seconds. An exception thrown by parseSettings
// fails the property by itself.
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PROPERTY_TIMEOUT, checkProperty } from '../../../tests/unit/fuzz';
import { mutated, mutation, storedValue, trapMutation, validSettings, withOwnKey } from '../../../tests/unit/hostile';
import { BlockSchema, PreferencesSchema, SettingsSchema, SkipSchema, WindowSchema, WorkSiteSchema, LetThroughSchema, WeeklyChoiceSchema, ChosenSchema, type Settings } from './schema';
import { defaultSettings } from './defaults';
import { parseSettings } from './parse';
import { isRecord } from '../record';
import { AGE_RANGES } from '../prompts';

const sameAs = (actual: unknown, expected: unknown, what: string) => {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, what).toEqual(expected);
};

/** Whatever storage might hand back, and some things it never could (Maps, getters that throw). */
const anyStored = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(validSettings, fc.array(mutation, { maxLength: 4 }), fc.option(trapMutation, { freq: 10 }))
      .map(([settings, mutations, trap]) => mutated(storedValue(mutated(settings, mutations)), trap ? [trap] : [])),
  },
  fc.anything({
    maxDepth: 4,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withNullPrototype: true,
    withObjectString: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
    // (Not withUnicodeString: that string arbitrary takes over a second to make; the
    // mutated settings above carry text of any code points.)
  }),
  fc.jsonValue().map((inner) => ({ version: 2, schedule: inner, sites: inner, preferences: inner })),
  // The first draft's shape (no version), with anything for its windows.
  fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.option(fc.boolean())).map(([windows, headsUp]) => ({ windows, headsUp })),
);

describe('parseSettings with hostile stored values', () => {
  /** What a newer version, or a part with nothing readable, reads as. */
  const usual = defaultSettings();

  it(
    'never throws, always gives schema-valid settings, and says why whenever it was not intact',
    () => {
      checkProperty(
        'stored settings, any value',
        fc.property(anyStored, (raw) => {
          const result = parseSettings(raw);
          if (!v.is(SettingsSchema, result.settings)) expect.fail('settings the schema does not pass');
          if (result.intact !== (result.problems.length === 0)) expect.fail(`intact is ${result.intact} with ${result.problems.length} problems`);
          for (const sentence of result.problems) {
            if (!/^[A-Z"][\s\S]*\.$/.test(sentence)) expect.fail(`not one finished sentence: ${JSON.stringify(sentence)}`);
          }
          if (result.fromNewerVersion) sameAs(result.settings, usual, 'a newer version reads as the usual settings');
          // What was read reads back whole.
          const again = parseSettings(JSON.parse(JSON.stringify(result.settings)));
          if (!again.intact) expect.fail(`read back not intact: ${again.problems.join(' ')}`);
          sameAs(again.settings, JSON.parse(JSON.stringify(result.settings)), 'read back');
        }),
      );
    },
    PROPERTY_TIMEOUT,
  );

  /**
   * The items of a stored list the read promises to keep: each that passes its own
   * schema, in order; with ids, the first of each id (a later one is set aside).
   */
  function kept<T>(raw: unknown, schema: v.GenericSchema<unknown, T>, idOf?: (item: T) => string): T[] {
    if (!Array.isArray(raw)) return [];
    const out: T[] = [];
    const ids = new Set<string>();
    for (let i = 0; i < raw.length; i++) {
      const read = v.safeParse(schema, raw[i]);
      if (!read.success) continue;
      if (idOf) {
        if (ids.has(idOf(read.output))) continue;
        ids.add(idOf(read.output));
      }
      out.push(read.output);
    }
    return out;
  }

  const byId = (item: { id: string }) => item.id;
  /** A part read whole, as its schema gives it back (unknown keys left out), or undefined. */
  const readable = <T,>(schema: v.GenericSchema<unknown, T>, raw: unknown): T | undefined => {
    const read = v.safeParse(schema, raw);
    return read.success ? read.output : undefined;
  };

  /** Today's settings with their parts spoilt: the version stays, so nothing is read as a first draft or as newer. */
  const spoiltToday = fc.tuple(validSettings, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([settings, mutations]) => {
    const { version, ...parts } = settings;
    const body = storedValue(mutated(parts, mutations));
    const raw = isRecord(body) ? withOwnKey({ ...body }, 'version', version) : { version, junk: body };
    return JSON.parse(JSON.stringify(raw)) as unknown;
  });

  it(
    'keeps every window, block, skip, site and preference that is still readable, and only those',
    () => {
      let salvaged = 0;
      checkProperty(
        'stored settings, valid parts kept',
        fc.property(spoiltToday, (raw) => {
          const data = raw as Record<string, unknown>;
          const result = parseSettings(raw);
          if (!result.intact) salvaged++;
          const schedule = data.schedule;
          const usable =
            isRecord(schedule) && (Array.isArray(schedule.windows) || Array.isArray(schedule.blocks) || Array.isArray(schedule.skips));
          const expected: Settings = {
            version: 4,
            schedule: usable
              ? {
                  windows: kept(schedule.windows, WindowSchema, byId),
                  blocks: kept(schedule.blocks, BlockSchema, byId),
                  skips: kept(schedule.skips, SkipSchema),
                }
              : usual.schedule,
            sites: kept(data.sites, WorkSiteSchema, byId),
            preferences: Object.fromEntries(
              Object.entries(usual.preferences).map(([key, fallback]) => {
                const stored = isRecord(data.preferences) && key in data.preferences ? data.preferences[key] : undefined;
                const entry = PreferencesSchema.entries[key as keyof typeof PreferencesSchema.entries];
                return [key, v.is(entry, stored) ? stored : fallback];
              }),
            ) as Settings['preferences'],
            letThrough: kept(data.letThrough, LetThroughSchema, byId),
            childAges: Array.isArray(data.childAges) ? [...new Set(data.childAges.filter((age) => v.is(v.picklist(AGE_RANGES), age)))] : [],
            weeklyChoice: readable(WeeklyChoiceSchema, data.weeklyChoice) ?? usual.weeklyChoice,
            chosen: readable(ChosenSchema, data.chosen ?? null) ?? null,
          };
          sameAs(result.settings, expected, 'the readable parts');
        }),
      );
      expect(salvaged).toBeGreaterThan(5000);
    },
    PROPERTY_TIMEOUT,
  );
});
