import { defineConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

type Target = 'chrome' | 'firefox';

// Firefox MV3 wants background.scripts (no service worker), a gecko id, and
// neither `key` nor Chromium-only permissions.
const CHROMIUM_ONLY_PERMISSIONS = new Set(['contentSettings']);

export function manifestFor(target: Target): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown> & typeof baseManifest;
  if (target === 'chrome') return manifest as ManifestV3Export;
  const { key: _key, minimum_chrome_version: _min, background, ...rest } = manifest;
  return {
    ...rest,
    permissions: rest.permissions.filter((p) => !CHROMIUM_ONLY_PERMISSIONS.has(p)),
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: { id: 'hearth@hearth.family', strict_min_version: '128.0' },
    },
  } as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [crx({ manifest: manifestFor(target), browser: target })],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      // Readable output is easier to review in a store submission; the bundle is small.
      minify: true,
      sourcemap: false,
    },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  };
});
