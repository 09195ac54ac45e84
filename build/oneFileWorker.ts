// The worker as one file. Vite splits what the worker shares with the pages into
// chunks, so the worker loaded a dozen files at every wake, each compressed and parsed
// on its own (29.7 KB gzip apart, 27.7 KB as one). After the build, the worker's entry
// (crxjs's loader) is bundled again with everything it imports into that one file, and
// what only the worker used is removed; the pages keep their chunks.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, relative } from 'node:path';
import { minify as terser } from 'terser';
import { build, type Plugin } from 'vite';

/** Relative files a built script imports statically (the worker may import nothing dynamically). */
const importsOf = (dir: string, file: string): string[] =>
  [...readFileSync(join(dir, file), 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map((m) =>
    normalize(join(dirname(file), m[1]!)),
  );

function closureOf(dir: string, entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    importsOf(dir, file).forEach(visit);
  };
  visit(entry);
  return seen;
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)));

export function oneFileWorker(): Plugin {
  // As the build it follows: a profiling build (`--minify false`) keeps the names.
  let minify: boolean | 'oxc' | 'terser' | 'esbuild' = true;
  return {
    name: 'hearth:one-file-worker',
    enforce: 'post',
    configResolved(config) {
      minify = config.build.minify;
    },
    async writeBundle(options) {
      const dir = options.dir ?? '';
      const manifestFile = join(dir, 'manifest.json');
      if (!existsSync(manifestFile)) return;
      const { background } = JSON.parse(readFileSync(manifestFile, 'utf8')) as { background?: { service_worker?: string; scripts?: string[] } };
      const entry = background?.service_worker ?? background?.scripts?.[0];
      if (!entry) return;
      const workerFiles = closureOf(dir, entry);
      const out = mkdtempSync(join(tmpdir(), 'hearth-worker-'));
      try {
        await build({
          configFile: false,
          publicDir: false,
          logLevel: 'warn',
          build: {
            outDir: out,
            emptyOutDir: true,
            target: 'es2022',
            // Terser, two passes, as a module: 0.5 KB gzip less than Vite's default minifier
            // here, where every byte is read at each of the worker's starts.
            minify: minify === false ? false : 'terser',
            terserOptions: { module: true, compress: { passes: 2 } },
            modulePreload: false,
            rollupOptions: { input: join(dir, entry), output: { format: 'es', entryFileNames: 'worker.js' } },
          },
        });
        const built = readdirSync(out);
        if (built.length !== 1) throw new Error(`the worker should be one file, got ${built.join(', ')}`);
        const code = readFileSync(join(out, 'worker.js'), 'utf8');
        // Terser once more over its own output: 56 bytes less, where a third pass in the first run saves 2.
        writeFileSync(join(dir, entry), minify === false ? code : ((await terser(code, { module: true, ecma: 2020, compress: { passes: 2 } })).code ?? code));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
      // What only the worker imported is in its one file now.
      const others = filesUnder(dir).filter((f) => /\.(js|html)$/.test(f) && !workerFiles.has(f));
      const stillUsed = new Set(others.flatMap((f) => readFileSync(join(dir, f), 'utf8').match(/[\w.-]+\.js/g) ?? []));
      for (const file of workerFiles) if (file !== entry && !stillUsed.has(file.split('/').pop()!)) rmSync(join(dir, file));
    },
  };
}
