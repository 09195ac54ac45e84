import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import { oneFileWorker } from './build/oneFileWorker';
import { smallContentScripts } from './build/smallContentScripts';
import { version } from './package.json' with { type: 'json' };

type Target = 'chrome' | 'firefox' | 'chrome-test' | 'firefox-test';

// Firefox MV3 wants background.scripts (no service worker), a gecko id, and
// neither `key` nor Chromium-only permissions.
const CHROMIUM_ONLY_PERMISSIONS = new Set(['contentSettings']);

// Browser tests cannot answer the browser's permission prompt, so the test build
// (dist/chrome-test, never shipped) already holds access to the fixture host.
// A unit test checks that the release builds hold no host access at install.
export const TEST_HOST_PERMISSIONS = ['*://127.0.0.1/*'];
// Likewise tab groups, for tucking work tabs away (asked for in a click in the release
// build; Chromium shows a prompt for it). Firefox's tests answer its prompts with a pref.
export const TEST_TUCK_PERMISSION = 'tabGroups';

export function manifestFor(target: Target): ManifestV3Export {
  // package.json holds the one version number; both manifests take it from there.
  const manifest = { ...structuredClone(baseManifest), version } as Record<string, unknown> & typeof baseManifest & { version: string };
  if (target === 'chrome') return manifest as ManifestV3Export;
  if (target === 'chrome-test') {
    return { ...manifest, host_permissions: TEST_HOST_PERMISSIONS, permissions: [...manifest.permissions, TEST_TUCK_PERMISSION] } as ManifestV3Export;
  }
  // Firefox takes an organisation's policy for Hearth from policies.json's 3rdparty section,
  // with no schema in the manifest (an unknown key there).
  const { key: _key, minimum_chrome_version: _min, storage: _managedSchema, background, ...rest } = manifest;
  return {
    ...rest,
    ...(target === 'firefox-test' ? { host_permissions: TEST_HOST_PERMISSIONS } : {}),
    permissions: rest.permissions.filter((p) => !CHROMIUM_ONLY_PERMISSIONS.has(p)),
    // Tabs are tucked away by hiding them there, rather than in a tab group.
    optional_permissions: ['tabHide'],
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      // Hearth collects nothing and sends nothing: said in the form Firefox asks for.
      gecko: { id: 'hearth@hearth.family', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}

// crxjs lists scripts imported with `?iife` as web-accessible, so any site could
// load them (and so tell that Hearth is installed). Hearth registers and injects
// them by file, which needs no web access: nothing of Hearth's is web-accessible.
const keepScriptsPrivate: Plugin = {
  name: 'hearth:private-content-scripts',
  enforce: 'post',
  // crxjs writes the manifest late, so this edits the file it wrote.
  writeBundle(options) {
    const file = join(options.dir ?? '', 'manifest.json');
    if (!existsSync(file)) return;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { web_accessible_resources?: { resources: string[] }[] };
    const left = manifest.web_accessible_resources
      ?.map((war) => ({ ...war, resources: war.resources.filter((r) => !r.startsWith('src/content/')) }))
      .filter((war) => war.resources.length > 0);
    if (left?.length) manifest.web_accessible_resources = left;
    else delete manifest.web_accessible_resources;
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  },
};

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' || mode === 'chrome-test' || mode === 'firefox-test' ? mode : 'chrome';
  const firefox = target === 'firefox' || target === 'firefox-test';
  return {
    plugins: [crx({ manifest: manifestFor(target), browser: firefox ? 'firefox' : 'chrome' }), keepScriptsPrivate, oneFileWorker(), smallContentScripts()],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      // Pages no manifest key names: the calm page (dim overlay and set-aside page).
      rollupOptions: {
        input: {
          calm: 'src/ui/calm/index.html',
          handoff: 'src/ui/handoff/index.html',
          reflection: 'src/ui/reflection/index.html',
          onboarding: 'src/ui/onboarding/index.html',
        },
      },
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  };
});
