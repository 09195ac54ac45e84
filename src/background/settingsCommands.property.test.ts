// Importing a settings file through the worker is a trust line: whatever file a parent
// picks, the import answers (never a crash); a refused file leaves everything stored,
// local and synced, byte for byte as it was, and says in one specific sentence what is
// wrong; an accepted file is saved whole, and exporting it again brings back the same.
// 10,000 hostile files per property (tests/unit/hostile.ts), seed printed.
import { fakeBrowser } from '@webext-core/fake-browser';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FC_SEED, PROPERTY_TIMEOUT, checkAsyncProperty } from '../../tests/unit/fuzz';
import { asStored, settingsFileText, storedStates } from '../../tests/unit/hostile';
import { vagueness } from '../../tests/unit/refusals';
import { defaultSettings } from '../core/settings/defaults';
import { parseSettingsFile } from '../core/settings/file';
import { exportSettings, importSettings } from './settingsCommands';
import { SETTINGS_KEY } from './store';

const NOW = Date.UTC(2026, 10, 25);
const { local, sync } = fakeBrowser.storage;

const sameAs = (actual: unknown, expected: unknown, what: string) => {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, what).toEqual(expected);
};

/** Everything stored, as text: a refused import must leave every byte of it. */
const everything = async () => JSON.stringify([await local.get(null), await sync.get(null)]);

/** What was stored before the import: nothing, the usual settings, or some drawn once (good, spoilt, old, newer). */
const before = fc.constantFrom(defaultSettings(), ...storedStates(FC_SEED));

describe('importSettings with hostile files', () => {
  it(
    'refuses without touching storage, or saves the file whole and exports it back the same',
    async () => {
      let accepted = 0;
      await checkAsyncProperty(
        'settings import through the worker',
        fc.asyncProperty(before, settingsFileText, async (stored, text) => {
          fakeBrowser.storage.resetState();
          if (stored !== undefined) {
            await local.set({ [SETTINGS_KEY]: stored });
            await sync.set({ [SETTINGS_KEY]: stored });
          }
          const was = await everything();

          const result = await importSettings(text);

          if (!result.ok) {
            const why = vagueness(result.error);
            if (why !== null) expect.fail(`${why}: ${JSON.stringify(result.error)}`);
            if ((await everything()) !== was) expect.fail('a refused file changed what was stored');
            return;
          }
          accepted++;
          const parsed = parseSettingsFile(text);
          if (!parsed.ok) expect.fail('the worker accepted a file the parser refuses');
          const saved = asStored(parsed.settings);
          sameAs((await local.get(SETTINGS_KEY))[SETTINGS_KEY], saved, 'saved on this device');
          sameAs((await sync.get(SETTINGS_KEY))[SETTINGS_KEY], saved, 'saved to sync');
          sameAs(asStored(result.view.settings), saved, 'the view answered');
          // Export, bring back the usual settings, import the export: the same again.
          const { json } = await exportSettings(NOW);
          await local.set({ [SETTINGS_KEY]: defaultSettings() });
          const again = await importSettings(json);
          if (!again.ok) expect.fail(`its own export was refused: ${again.error}`);
          sameAs((await local.get(SETTINGS_KEY))[SETTINGS_KEY], saved, 'export then import');
        }),
      );
      expect(accepted).toBeGreaterThan(1000);
    },
    PROPERTY_TIMEOUT,
  );
});
