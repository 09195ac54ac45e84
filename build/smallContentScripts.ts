// The scripts Hearth puts into work pages, minified again after the build by terser in
// two passes, as the worker is (oneFileWorker.ts): every work page loads them during
// family time, before its own code, so each byte is paid at every load (bench/README).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import type { Plugin } from 'vite';

export function smallContentScripts(): Plugin {
  // As the build it follows: a profiling build (`--minify false`) keeps the names.
  let minified = true;
  return {
    name: 'hearth:small-content-scripts',
    enforce: 'post',
    configResolved(config) {
      minified = config.build.minify !== false;
    },
    async writeBundle(options) {
      const dir = join(options.dir ?? '', 'src/content');
      if (!minified || !existsSync(dir)) return;
      for (const name of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
        const file = join(dir, name);
        const { code } = await minify(readFileSync(file, 'utf8'), { ecma: 2020, compress: { passes: 2 } });
        if (code) writeFileSync(file, code);
      }
    },
  };
}
