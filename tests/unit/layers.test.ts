// Hearth's layers, held by a test rather than by memory (DESIGN.md, "Layers"). The arrows
// point one way: ui → messages → core, background → core, content → core.
// - core is pure logic: it imports nothing from background, content or ui, and no
//   package but valibot (no browser API, no UI, nothing test-only);
// - ui reaches the worker only through src/messages.ts (and ui/shared's client, which
//   sends the messages): never an import from src/background;
// - content imports nothing from background or ui;
// - nothing the extension ships imports a test, a test helper or a package outside
//   package.json's `dependencies` (vitest, fast-check, fake-*);
// - no import cycles anywhere in src;
// - no source file over 250 lines unless its first lines say why.
// Imports are read by Vite's own parser, so this test sees them as the build does,
// type-only imports included: a type shared by two layers belongs in the lower one.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'vite';
import { describe, expect, test } from 'vitest';
import { sources } from './sourceScan';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'src');

type Layer = 'core' | 'background' | 'content' | 'ui' | 'shared' | 'unknown' | 'outside';

/** Which layers each layer may import from, and the rule to name when it doesn't. */
const MAY_IMPORT: Record<Exclude<Layer, 'unknown' | 'outside'>, { layers: readonly Layer[]; rule: string }> = {
  core: { layers: ['core'], rule: 'src/core is pure logic: it imports nothing from background, content, ui or src/*.ts' },
  // src/messages.ts and src/i18n.ts: every layer imports them, so they lean on core alone.
  shared: { layers: ['shared', 'core'], rule: 'src/messages.ts and src/i18n.ts are shared by every layer, so they import only core' },
  // The worker registers the content scripts by file and injects their stand-ins.
  background: { layers: ['background', 'content', 'shared', 'core'], rule: 'the worker imports nothing from ui' },
  content: { layers: ['content', 'shared', 'core'], rule: 'content scripts import nothing from background or ui' },
  ui: { layers: ['ui', 'shared', 'core'], rule: 'ui reaches the worker only through src/messages.ts, never by importing src/background' },
};

/** The only package pure logic may use; everything else is a browser API, UI or a test tool. */
const CORE_PACKAGES = new Set(['valibot']);

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
/** What the extension ships with: anything else (vitest, fast-check, fake-*, node:*) is for tests and tools. */
const SHIPPED_PACKAGES = new Set(Object.keys(pkg.dependencies));

const BUDGET = 250;

/** The line near a long file's top that says why it is long: `// Over 250 lines: <reason>`. */
const REASON = new RegExp(`^\\s*(?://|/?\\*+)\\s*Over ${BUDGET} lines: \\S.{15,}`, 'm');

// ---------------------------------------------------------------------------
// The import graph
// ---------------------------------------------------------------------------

interface Import {
  /** As written: '../core/sites', 'preact/hooks'. */
  specifier: string;
  /** Repository-relative file for a relative import; null for a package. */
  target: string | null;
}

const rel = (absolute: string) => relative(ROOT, absolute).split('\\').join('/');

function layerOf(file: string): Layer {
  const parts = file.split('/');
  if (parts[0] !== 'src') return 'outside';
  if (parts.length === 2) return 'shared';
  const top = parts[1];
  return top === 'core' || top === 'background' || top === 'content' || top === 'ui' ? top : 'unknown';
}

/** 'preact/hooks' → 'preact', '@webext-core/fake-browser/x' → '@webext-core/fake-browser'. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The file a relative import names, as the bundler finds it (query such as `?iife` dropped). */
function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(ROOT, dirname(from), specifier.replace(/\?.*$/, ''));
  const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((end) => base + end).find((p) => existsSync(p) && statSync(p).isFile());
  return found === undefined ? null : rel(found);
}

/** Every import, export-from and import() of a file (with its text), type-only ones included. */
function importsOf(file: string, text: string): Import[] {
  const { module, errors } = parseSync(file, text);
  if (errors.length) throw new Error(`${file} does not parse: ${errors.map((e) => e.message).join('; ')}`);
  const specifiers = [
    ...module.staticImports.map((i) => i.moduleRequest.value),
    ...module.staticExports.flatMap((e) => e.entries.flatMap((x) => (x.moduleRequest ? [x.moduleRequest.value] : []))),
    ...module.dynamicImports.map((d) => text.slice(d.moduleRequest.start, d.moduleRequest.end).replace(/^(['"`])(.*)\1$/s, '$2')),
  ];
  return [...new Set(specifiers)].map((specifier) => ({
    specifier,
    target: specifier.startsWith('.') ? resolveImport(file, specifier) ?? `${specifier} (not found)` : null,
  }));
}

/** What is wrong with `file` importing `imported`: one sentence each, naming both; [] when it is fine. */
function crossings(file: string, imported: Import): string[] {
  const from = layerOf(file);
  if (from === 'outside') return [];
  const at = `${file} imports '${imported.specifier}'`;
  if (from === 'unknown') return [`${at}: ${file} is in no layer; give its folder a line in MAY_IMPORT`];
  if (imported.target === null) {
    const name = packageOf(imported.specifier);
    if (!SHIPPED_PACKAGES.has(name)) return [`${at}: the extension ships only package.json's dependencies; ${name} is for tests and tools`];
    if (from === 'core' && !CORE_PACKAGES.has(name)) return [`${at}: src/core is pure logic, with no browser API or UI (only ${[...CORE_PACKAGES].join(', ')})`];
    return [];
  }
  if (imported.target.endsWith('(not found)')) return [`${at}: no such file`];
  const to = layerOf(imported.target);
  if (to === 'unknown') return [`${at}: ${imported.target} is in no layer; give its folder a line in MAY_IMPORT`];
  if (to === 'outside') return [`${at}: the extension imports nothing from outside src (tests and their helpers stay there)`];
  return MAY_IMPORT[from].layers.includes(to) ? [] : [`${at}: ${MAY_IMPORT[from].rule}`];
}

/** Every cycle in `graph`, one per tangle, as 'a → b → a', found with Tarjan's strongly connected components. */
function cyclesIn(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const tangles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const tangle: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      tangle.push(member);
    } while (member !== node);
    if (tangle.length > 1 || graph.get(node)?.includes(node)) tangles.push(tangle);
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  // Name one concrete loop through each tangle: the shortest way from its first file back to it.
  return tangles.map((tangle) => {
    const inside = new Set(tangle);
    const start = [...tangle].sort()[0]!;
    const cameFrom = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const next of graph.get(queue[i]!) ?? []) {
        if (next === start) {
          const path = [start];
          for (let at: string | undefined = queue[i]; at !== undefined && at !== start; at = cameFrom.get(at)) path.splice(1, 0, at);
          return [...path, start].join(' → ');
        }
        if (inside.has(next) && !cameFrom.has(next)) {
          cameFrom.set(next, queue[i]!);
          queue.push(next);
        }
      }
    }
    return tangle.join(' → ');
  });
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

// ---------------------------------------------------------------------------
// Hearth's own source
// ---------------------------------------------------------------------------

const files = sources(SRC)
  .map(rel)
  .sort()
  .map((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    return { file, text, imports: importsOf(file, text) };
  });

const graph = new Map(
  files.map(({ file, imports }) => [file, imports.flatMap((i) => (i.target?.startsWith('src/') && /\.tsx?$/.test(i.target) ? [i.target] : []))]),
);

describe('layers', () => {
  test('the scan sees the source and its imports', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(graph.get('src/ui/shared/client.ts')).toContain('src/messages.ts');
  });

  test.each(files)('$file stays in its layer', ({ file, imports }) => {
    expect(imports.flatMap((i) => crossings(file, i))).toEqual([]);
  });

  test('no import cycles in src', () => {
    expect(cyclesIn(graph)).toEqual([]);
  });

  // One seam for the worker's browser calls, so unit tests swap one fake (docs/architecture.md).
  const SEAM = 'src/background/ext.ts';
  test.each(files.filter((f) => f.file.startsWith('src/background/') && f.file !== SEAM))(
    '$file reaches the browser only through background/ext.ts',
    ({ file, text, imports }) => {
      const reaches = [
        ...imports.filter((i) => i.specifier === 'webextension-polyfill').map(() => `${file}: imports webextension-polyfill`),
        ...(/\bchrome\s*[.?]|\{\s*chrome\??\s*:/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')) ? [`${file}: reaches chrome directly`] : []),
      ];
      expect(reaches).toEqual([]);
    },
  );
});

describe('file size', () => {
  test.each(files)(`$file is at most ${BUDGET} lines, or says why at its top`, ({ file, text }) => {
    const lines = lineCount(text);
    const saysWhy = REASON.test(text.split('\n').slice(0, 10).join('\n'));
    if (lines <= BUDGET) return;
    expect(saysWhy, `${file} is ${lines} lines: split it, or give the reason in its first lines ("// Over ${BUDGET} lines: …")`).toBe(true);
  });
});

describe('the checks themselves', () => {
  const packageImport = (specifier: string): Import => ({ specifier, target: null });

  test('a crossing names the file, the import and the rule', () => {
    expect(crossings('src/core/a.ts', { specifier: '../background/b', target: 'src/background/b.ts' })).toEqual([
      `src/core/a.ts imports '../background/b': ${MAY_IMPORT.core.rule}`,
    ]);
    expect(crossings('src/ui/p/A.tsx', { specifier: '../../background/db', target: 'src/background/db.ts' })).toHaveLength(1);
    expect(crossings('src/content/a.ts', { specifier: '../ui/x', target: 'src/ui/x.ts' })).toHaveLength(1);
    expect(crossings('src/ui/p/A.tsx', { specifier: '../../messages', target: 'src/messages.ts' })).toEqual([]);
  });

  test('test tools and browser APIs stay out of what they should', () => {
    expect(crossings('src/core/a.ts', packageImport('vitest'))).toHaveLength(1);
    expect(crossings('src/ui/a.ts', packageImport('fast-check'))).toHaveLength(1);
    expect(crossings('src/core/a.ts', packageImport('webextension-polyfill'))).toHaveLength(1);
    expect(crossings('src/ui/a.ts', packageImport('preact/hooks'))).toEqual([]);
    expect(crossings('src/core/a.ts', { specifier: '../../tests/unit/x', target: 'tests/unit/x.ts' })).toHaveLength(1);
  });

  test('type-only imports and re-exports count as imports', () => {
    const text = "import type { A } from './a';\nexport { b } from './b';\nconst c = import('./c');\n";
    expect(importsOf('src/core/x.ts', text).map((i) => i.specifier)).toEqual(['./a', './b', './c']);
  });

  test('a cycle is named file by file', () => {
    const tangled = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cyclesIn(tangled)).toEqual(['a → b → c → a']);
    expect(cyclesIn(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});
