// Reading stored settings is a trust line: whatever storage holds, the worker reads
// settings the schema passes, and when it has to set anything aside it first keeps
// the stored original ("settingsSetAside"), once, so nothing the parent wrote is lost.
// 10,000 stored values through loadSettingsToApply and the fake browser's storage, seed printed.
import { fakeBrowser } from '@webext-core/fake-browser';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PROPERTY_TIMEOUT, checkAsyncProperty } from '../../tests/unit/fuzz';
import { asStored, storedSettingsJson } from '../../tests/unit/hostile';
import { SettingsSchema } from '../core/settings/schema';
import { parseSettings } from '../core/settings/parse';
import { SETTINGS_KEY, loadSettingsToApply } from './store';

const BACKUP_KEY = 'settingsSetAside';
const local = fakeBrowser.storage.local;

const sameAs = (actual: unknown, expected: unknown, what: string) => {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, what).toEqual(expected);
};

describe('loadSettingsToApply with hostile stored values', () => {
  it(
    'keeps the original aside, once, whenever anything is set aside; never loses what was stored',
    async () => {
      const counts = { setAside: 0, kept: 0, migrated: 0 };
      await checkAsyncProperty(
        'stored settings, original kept aside',
        fc.asyncProperty(storedSettingsJson, fc.option(fc.jsonValue({ maxDepth: 2 }), { freq: 4 }), async (raw, earlierBackup) => {
          fakeBrowser.storage.resetState();
          await local.set({ [SETTINGS_KEY]: raw });
          if (earlierBackup !== null) await local.set({ [BACKUP_KEY]: earlierBackup });
          const stored = (await local.get(SETTINGS_KEY))[SETTINGS_KEY];
          const backupBefore = (await local.get(BACKUP_KEY))[BACKUP_KEY];
          const storedText = JSON.stringify(stored);

          const { settings, problems } = await loadSettingsToApply();

          if (!v.is(SettingsSchema, settings)) expect.fail('settings the schema does not pass');
          const expected = parseSettings(stored);
          sameAs(settings, expected.settings, 'the settings read');
          const after = await local.get(null);
          if (!expected.intact) {
            counts.setAside++;
            if (problems.length === 0) expect.fail('set aside without a word');
            // The stored original is left as it was…
            if (JSON.stringify(after[SETTINGS_KEY]) !== storedText) expect.fail('the stored settings changed');
            // …and kept aside, unless an earlier original already is.
            sameAs(after[BACKUP_KEY], backupBefore === undefined ? asStored(stored) : backupBefore, 'the original kept aside');
          } else {
            if (expected.migratedFrom !== null) {
              counts.migrated++;
              sameAs(after[SETTINGS_KEY], asStored(settings), 'an older format written back in today’s');
            } else {
              counts.kept++;
              if (JSON.stringify(after[SETTINGS_KEY]) !== storedText) expect.fail('intact settings were rewritten');
            }
            sameAs(after[BACKUP_KEY], backupBefore, 'nothing set aside');
          }
        }),
      );
      // Each way was taken many times.
      expect(Math.min(counts.setAside, counts.kept, counts.migrated)).toBeGreaterThan(100);
    },
    PROPERTY_TIMEOUT,
  );
});
