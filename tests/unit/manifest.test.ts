// What each build asks of the browser, checked from the same function that writes it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TEST_HOST_PERMISSIONS, TEST_TUCK_PERMISSION, manifestFor } from '../../vite.config';
import { version } from '../../package.json' with { type: 'json' };
import { sources } from './sourceScan';

type Manifest = Record<string, unknown> & { permissions: string[]; background: Record<string, unknown> };
const build = (target: 'chrome' | 'firefox' | 'chrome-test') => manifestFor(target) as unknown as Manifest;

describe('manifests', () => {
  test('every build takes its version from package.json, the one place it is written', () => {
    for (const target of ['chrome', 'firefox', 'chrome-test'] as const) expect(build(target).version).toBe(version);
  });

  // docs/releasing.md explains web-ext lint's one warning (Preact's innerHTML branch) by this.
  test('no source hands the page HTML to parse: no innerHTML, no dangerouslySetInnerHTML', () => {
    const offending = sources('src').filter((f) => /innerHTML|dangerouslySetInnerHTML/.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });

  test('release builds ask for no site access at install: it is asked per work site', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      expect(build(target).host_permissions).toBeUndefined();
      expect(build(target).optional_host_permissions).toEqual(['*://*/*']);
      expect(build(target).permissions).not.toContain('<all_urls>');
      expect(build(target).permissions).not.toContain('tabs');
    }
  });

  test('tucking tabs away is asked for when the parent turns it on: tab groups on Chromium, hiding tabs on Firefox', () => {
    expect(build('chrome').optional_permissions).toEqual(['tabGroups']);
    expect(build('firefox').optional_permissions).toEqual(['tabHide']);
    for (const target of ['chrome', 'firefox'] as const) {
      expect(build(target).permissions).not.toContain('tabGroups');
      expect(build(target).permissions).not.toContain('tabHide');
    }
    // No test can answer the prompt: the test build holds it from install, as it does the fixture host.
    expect(build('chrome-test').permissions).toContain(TEST_TUCK_PERMISSION);
  });

  test('only the test build holds access, and only to the fixture host', () => {
    expect(build('chrome-test').host_permissions).toEqual(TEST_HOST_PERMISSIONS);
    expect(TEST_HOST_PERMISSIONS).toEqual(['*://127.0.0.1/*']);
  });

  test('Chromium runs a service worker; Firefox runs background scripts with a gecko id', () => {
    expect(build('chrome').background).toMatchObject({ service_worker: expect.any(String), type: 'module' });
    const firefox = build('firefox');
    expect(firefox.background).toMatchObject({ scripts: [expect.any(String)] });
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: expect.stringContaining('@') } });
    expect(firefox.permissions).not.toContain('contentSettings');
    expect(firefox.key).toBeUndefined();
  });

  test('no static content scripts: nothing runs on any page outside family time', () => {
    for (const target of ['chrome', 'firefox'] as const) expect(build(target).content_scripts).toBeUndefined();
  });
});
