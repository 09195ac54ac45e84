// What each build asks of the browser, checked from the same function that writes it.
import { describe, expect, test } from 'vitest';
import { TEST_HOST_PERMISSIONS, manifestFor } from '../../vite.config';

type Manifest = Record<string, unknown> & { permissions: string[]; background: Record<string, unknown> };
const build = (target: 'chrome' | 'firefox' | 'chrome-test') => manifestFor(target) as unknown as Manifest;

describe('manifests', () => {
  test('release builds ask for no site access at install: it is asked per work site', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      expect(build(target).host_permissions).toBeUndefined();
      expect(build(target).optional_host_permissions).toEqual(['*://*/*']);
      expect(build(target).permissions).not.toContain('<all_urls>');
      expect(build(target).permissions).not.toContain('tabs');
    }
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
