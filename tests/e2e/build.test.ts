// What the built release manifests promise, read from the files the build wrote.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const built = (target: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../dist/${target}/manifest.json`), 'utf8')) as Record<string, unknown> & {
    web_accessible_resources?: { resources: string[] }[];
  };

describe.each(['chrome', 'firefox'])('the %s build', (target) => {
  test('lets web pages reach nothing of Hearth\'s: no page, script or image a site could fetch, frame or open', () => {
    expect(built(target).web_accessible_resources).toBeUndefined();
  });

  test('asks for no site access at install and has no static content scripts', () => {
    expect(built(target).host_permissions).toBeUndefined();
    expect(built(target).content_scripts).toBeUndefined();
  });
});
