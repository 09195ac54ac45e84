// Every string the code asks for exists in English, with the placeholders it fills.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { arrayLength, sources } from './sourceScan';


const used = new Map<string, number>();
for (const file of sources('src')) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'\s*(,\s*\[)?/g)) {
    const args = m[2] ? arrayLength(text, m.index + m[0].length - 1) : 0;
    used.set(m[1]!, Math.max(used.get(m[1]!) ?? 0, args));
  }
}

describe('English messages', () => {
  test('the code asks for some strings', () => {
    expect(used.size).toBeGreaterThan(20);
  });

  test.each([...used])('"%s" exists with enough placeholders', (key, args) => {
    const entry = (messages as Record<string, { message: string; placeholders?: object }>)[key];
    expect(entry, `missing message "${key}"`).toBeDefined();
    expect(Object.keys(entry!.placeholders ?? {}).length).toBeGreaterThanOrEqual(args);
  });

  test('manifest strings exist', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
    for (const m of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) expect(messages).toHaveProperty(m[1]!);
  });
});
