// Importing settings through the worker is a trust line: the options page reads the file
// (its sentences are core/settings/file.ts's, tested there) and sends the settings read,
// and whatever arrives, the import answers (never a crash). Everything the file reader
// accepts is saved whole, and exporting it again brings back the same; anything refused
// leaves everything stored, local and synced, byte for byte as it was, with a plain
// sentence. 10,000 hostile values per property (tests/unit/hostile.ts), seed printed.
import { fakeBrowser } from '@webext-core/fake-browser';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FC_SEED, PROPERTY_TIMEOUT, checkAsyncProperty } from '../../tests/unit/fuzz';
import { asStored, settingsFileText, storedSettingsJson, storedStates } from '../../tests/unit/hostile';
import { defaultSettings } from '../core/settings/defaults';
import { exportSettingsFile, parseSettingsFile } from '../core/settings/file';
import { parseSettings } from '../core/settings/parse';
import { importSettings } from './settingsCommands';
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

const REFUSAL = "Hearth couldn't read the settings in this file, so yours are just as they were.";
const storedSent = storedSettingsJson.map((settings) => ({ fromFile: false, settings }));

/**
 * What the options page may send: the settings it read from a hostile file (when it
 * read any), or any value at all stored settings might hold.
 */
const sent = fc.oneof(
  settingsFileText.chain((text) => {
    const read = parseSettingsFile(text);
    return read.ok ? fc.constant({ fromFile: true, settings: read.settings as unknown }) : storedSent;
  }),
  storedSent,
);

describe('importSettings with hostile settings', () => {
  it(
    'saves whatever the file reader accepted, whole, and exports it back the same; refuses what it cannot save whole without touching storage',
    async () => {
      let accepted = 0;
      await checkAsyncProperty(
        'settings import through the worker',
        fc.asyncProperty(before, sent, async (stored, { fromFile, settings }) => {
          fakeBrowser.storage.resetState();
          if (stored !== undefined) {
            await local.set({ [SETTINGS_KEY]: stored });
            await sync.set({ [SETTINGS_KEY]: stored });
          }
          const was = await everything();

          const result = await importSettings(settings);

          if (!result.ok) {
            if (fromFile) expect.fail('the worker refused settings the file reader accepted');
            if (result.error !== REFUSAL) expect.fail(`not the plain sentence: ${JSON.stringify(result.error)}`);
            if ((await everything()) !== was) expect.fail('a refused import changed what was stored');
            return;
          }
          accepted++;
          const saved = asStored(parseSettings(settings).settings);
          sameAs((await local.get(SETTINGS_KEY))[SETTINGS_KEY], saved, 'saved on this device');
          sameAs((await sync.get(SETTINGS_KEY))[SETTINGS_KEY], saved, 'saved to sync');
          sameAs(asStored(result.view.settings), saved, 'the view answered');
          if (!fromFile) return;
          // Export as the page does, bring back the usual settings, import the export: the same again.
          const read = parseSettingsFile(exportSettingsFile(result.view.settings, NOW).json);
          if (!read.ok) expect.fail(`its own export was refused: ${read.error}`);
          await local.set({ [SETTINGS_KEY]: defaultSettings() });
          const again = await importSettings(read.settings);
          if (!again.ok) expect.fail(`its own export was refused: ${again.error}`);
          sameAs((await local.get(SETTINGS_KEY))[SETTINGS_KEY], saved, 'export then import');
        }),
      );
      expect(accepted).toBeGreaterThan(1000);
    },
    PROPERTY_TIMEOUT,
  );
});
