// The pure core words its sentences through `say` (src/core/say.ts): English in these tests,
// the browser's language once an edge hands it a translator. Every key it asks for exists.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { say, setSay } from '../../src/core/say';
import { defaultSettings } from '../../src/core/settings/defaults';
import { parseSettings } from '../../src/core/settings/parse';
import { exportSettingsFile, parseSettingsFile } from '../../src/core/settings/file';
import { parseSitePattern } from '../../src/core/sites';
import { sayFromMessages } from './sayFromMessages';
import { arrayLength, sources } from './sourceScan';

type Messages = Parameters<typeof sayFromMessages>[0];
const spanish = JSON.parse(readFileSync('public/_locales/es/messages.json', 'utf8')) as Messages;

/** Words that would only be there if a sentence were still English. */
const ENGLISH = /\b(?:Hearth can't|couldn't|the|has|type|like|address|site|isn't|don't)\b/i;
/** The sentence without what the parent typed (quoted), which may hold English words itself. */
const ownWords = (sentence: string) => sentence.replace(/"[^"]*"/g, '""');

const resetSay = () => setSay(sayFromMessages(english as Messages));
afterEach(() => resetSay());

const NOW = Date.UTC(2025, 2, 14, 12);

/** The usual settings with the first window's end time replaced by one no clock has. */
function withBadEnd() {
  const settings = defaultSettings();
  const data = JSON.parse(JSON.stringify(settings)) as { schedule: { windows: Record<string, unknown>[] } };
  data.schedule.windows[0]!.end = '25:00';
  return { settings, data };
}

describe('say', () => {
  test('speaks English by default, filling placeholders as Chrome does', () => {
    expect(say('coreSiteNoDot', ['"slack"'])).toBe(
      `"slack" has no dot in it, so Hearth can't tell which site it is; try a full name like slack.com.`,
    );
    expect(say('coreSiteIpWildcard', ['127.0.0.1'])).toBe(
      '127.0.0.1 is a numeric address with no subdomains, so leave off the "*." and type 127.0.0.1.',
    );
  });

  test('a substitution is never read as a placeholder itself', () => {
    expect(say('coreSiteNoDot', ['"$1 $SAID$"'])).toMatch(/^"\$1 \$SAID\$" has no dot/);
  });

  test('a missing key shows the key, never a blank', () => {
    expect(say('coreNoSuchKey')).toBe('coreNoSuchKey');
  });

  test('parseSitePattern speaks Spanish with a Spanish translator, then English again', () => {
    setSay(sayFromMessages(spanish));
    const inputs = ['not a site!', '', 'slack', 'mailto:me@example.com', 'a b.com', '*.localhost', 'co.uk', '123'];
    for (const input of inputs) {
      const result = parseSitePattern(input);
      expect(result.ok, input).toBe(false);
      if (!result.ok) expect(ownWords(result.error), input).not.toMatch(ENGLISH);
    }
    expect(parseSitePattern('not a site!')).toEqual({
      ok: false,
      error: '"not a site!" tiene un carácter (un espacio) que las direcciones de sitios no usan.',
    });

    resetSay();
    expect(parseSitePattern('not a site!')).toEqual({
      ok: false,
      error: `"not a site!" has a character (a space) that site addresses don't use.`,
    });
  });

  test('parseSettingsFile speaks Spanish with a Spanish translator, then English again', () => {
    const { settings, data } = withBadEnd();
    const file = JSON.parse(exportSettingsFile(settings, NOW).json) as { settings: unknown };
    file.settings = data;
    const badWindow = JSON.stringify(file);
    const badFiles = [
      badWindow,
      '',
      '{"format": "hearth-history"}',
      '{"format": "hearth-settings", "version": 1, "settings": {"windows": 3}}',
      '{"format": "hearth-settings", "version": 99}',
      '{"format": "hearth-settings",, }',
      JSON.stringify({ ...file, settings: { ...data, sites: [{ id: 's', pattern: 'slack', mode: 'quiet' }] } }),
    ];

    setSay(sayFromMessages(spanish));
    for (const text of badFiles) {
      const result = parseSettingsFile(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(ownWords(result.error), text).not.toMatch(ENGLISH);
    }
    expect(parseSettingsFile(badWindow)).toEqual({
      ok: false,
      error: 'La franja "Dinner" tiene una hora de fin "25:00" que Hearth no puede leer.',
    });

    resetSay();
    expect(parseSettingsFile(badWindow)).toEqual({
      ok: false,
      error: `The window "Dinner" has an end time "25:00" Hearth can't read.`,
    });
  });

  test('a salvaged stored setting is explained in Spanish, then English again', () => {
    const { data } = withBadEnd();
    setSay(sayFromMessages(spanish));
    const read = parseSettings(data);
    expect(read.intact).toBe(false);
    expect(read.problems).toEqual([
      'La franja "Dinner" tiene una hora de fin "25:00" que Hearth no puede leer, así que se dejó a un lado.',
    ]);
    const odd = parseSettings({ ...data, schedule: 'x', sites: [{}, 'y'], preferences: { headsUp: 'yes' } });
    expect(odd.problems.length).toBeGreaterThan(3);
    for (const problem of odd.problems) expect(ownWords(problem), problem).not.toMatch(ENGLISH);
    expect(parseSettings({ version: 99 }).problems).toEqual([
      'Estos ajustes vienen de una versión más reciente de Hearth, así que esta usa por ahora sus ajustes de siempre y deja los tuyos intactos.',
    ]);

    resetSay();
    expect(parseSettings(data).problems).toEqual([
      `The window "Dinner" has an end time "25:00" Hearth can't read, so it was set aside.`,
    ]);
  });
});

// ---------------------------------------------------------------------------
// Every key the core asks for exists in English with the placeholders it fills
// ---------------------------------------------------------------------------


/** Key → how many substitutions the code passes (null when they are not written out as `[…]`). */
const asked = new Map<string, number | null>();
for (const file of sources('src')) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bsay\(\s*'([A-Za-z0-9_]+)'\s*(,\s*\[?)?/g)) {
    const count = m[2] === undefined ? 0 : m[2].endsWith('[') ? arrayLength(text, m.index + m[0].length - 1) : null;
    asked.set(m[1]!, count);
  }
}

describe('core messages', () => {
  test('the core asks for its sentences by key', () => {
    expect(asked.size).toBeGreaterThan(10);
  });

  test('every core key written in src/core exists in both languages', () => {
    const named = new Set<string>();
    for (const file of sources('src/core')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'(core[A-Z][A-Za-z0-9]*)'/g)) named.add(m[1]!);
    }
    expect(named.size).toBeGreaterThan(100);
    const messages = english as Messages;
    expect([...named].filter((key) => !(key in messages) || !(key in spanish))).toEqual([]);
  });

  test.each([...asked])('"%s" exists with the placeholders it fills', (key, count) => {
    const entry = (english as Messages)[key];
    expect(entry, `missing message "${key}"`).toBeDefined();
    if (count !== null) expect(Object.keys(entry!.placeholders ?? {}).length).toBe(count);
  });
});
