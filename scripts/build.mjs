#!/usr/bin/env node
// npm run build: bundles src/ into dist/ with esbuild (ESM, Node 20, code splitting), so that a
// command loads a few files instead of hundreds: each command, zod, yaml and the loader stay in
// their own lazily imported chunks. exceljs, docx, echarts, resvg and playwright stay external
// (node_modules, imported only by the commands that write those formats). Type checking is
// `tsc --noEmit`; `npm run build:tsc` still compiles file by file into dist-tsc/ (the bundle test
// compares the two). Every chunk sits directly in dist/, so `new URL('../x', import.meta.url)`
// means the same in every chunk as in dist/cli.js.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(REPO, 'dist');
export const EXTERNAL = [
  'exceljs',
  'docx',
  'jszip',
  'saxes',
  'echarts',
  'echarts/*',
  '@resvg/resvg-js',
  'playwright-core',
];

/** A hash of every source file and the locked dependency versions: the ledger cache's code stamp. */
function codeStamp() {
  const hash = createHash('sha256');
  const files = readdirSync(path.join(REPO, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...files, path.join(REPO, 'package-lock.json')]) {
    hash.update(path.relative(REPO, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return `build:${hash.digest('hex').slice(0, 16)}`;
}

const OPTIONS = {
  absWorkingDir: REPO,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  external: EXTERNAL,
  define: { __LEDGER_CODE_STAMP__: JSON.stringify(codeStamp()) },
  // Bundled CommonJS packages (commander, string-width) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __ledgerRequire } from 'node:module';\nconst require = __ledgerRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
};

/*
 * The prelude. esbuild puts each source into a chunk by the set of entry points (cli.ts and every
 * `import()` target) that reach it, so sources shared by different sets of commands end up one per
 * file: a warm `ledger status` loaded 47 files, each read, compiled and linked on its own. The
 * prelude is a module that imports the sources the read commands (status, overdue, show) and
 * cli.ts use; a plugin adds it to every `import()` target of src/, so that all those sources are
 * reached by every entry and share one chunk (those cli.ts loads by themselves: a second one).
 * Other commands load a little unused code with it. Not in it: the commands' own folders (each
 * command loads only its own), terminal-style.ts with the box tables (text output only) and whatever
 * is imported with `import()` (zod, yaml, the YAML loader, exceljs, ...).
 */
const PRELUDE_ROOTS = [
  'src/cli.ts',
  ...['status', 'overdue', 'show'].flatMap((command) => [
    `src/commands/${command}/run.ts`,
    `src/commands/${command}/text.ts`,
  ]),
];
const PRELUDE_STOP = new Set(['src/render/terminal-style.ts']);
const PRELUDE = 'ledger:prelude';

/** The prelude's sources: what the roots import statically (a first build's metafile tells), as above. */
export function preludeSources(metafile) {
  const seen = new Set();
  const stack = [...PRELUDE_ROOTS];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file) || PRELUDE_STOP.has(file)) continue;
    seen.add(file);
    for (const edge of metafile.inputs[file]?.imports ?? [])
      if (!edge.external && edge.kind !== 'dynamic-import') stack.push(edge.path);
  }
  return [...seen]
    .filter((file) => file.startsWith('src/') && !/^src\/commands\/(?!shared\/)/.test(file))
    .filter((file) => file !== 'src/cli.ts' && file !== 'src/cli/index.ts')
    .sort();
}

/**
 * Every `import()` of a source in src/, and any entry point other than cli.ts (a worker), gets a
 * stand-in that imports the prelude, then re-exports the source.
 */
function preludePlugin(sources) {
  const src = path.join(REPO, 'src') + path.sep;
  const cli = path.join(REPO, OPTIONS.entryPoints.cli);
  return {
    name: 'ledger-prelude',
    setup(b) {
      b.onResolve({ filter: /^ledger:prelude$/ }, () => ({ path: PRELUDE, namespace: 'ledger-prelude' }));
      b.onLoad({ filter: /.*/, namespace: 'ledger-prelude' }, () => ({
        contents: sources.map((file) => `import ${JSON.stringify(path.join(REPO, file))};`).join('\n'),
        resolveDir: REPO,
        loader: 'js',
      }));
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (!['dynamic-import', 'entry-point'].includes(args.kind) || args.pluginData?.real) return undefined;
        const real = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { real: true },
        });
        if (real.errors.length > 0 || real.external || !real.path.startsWith(src) || real.path === cli)
          return undefined;
        return { path: real.path, namespace: 'ledger-entry' };
      });
      b.onLoad({ filter: /.*/, namespace: 'ledger-entry' }, (args) => ({
        contents: `import ${JSON.stringify(PRELUDE)};\nexport * from ${JSON.stringify(args.path)};\n`,
        resolveDir: REPO,
        loader: 'js',
      }));
    },
  };
}

/**
 * commander requires node:child_process at load time, for executable subcommands we do not use;
 * loading it costs ~5 ms of every run. Its require gets a stand-in that loads the module on first use.
 */
const lazyChildProcessPlugin = {
  name: 'ledger-lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'ledger-lazy' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'ledger-lazy' }, () => ({
      contents:
        "module.exports = new Proxy({}, { get: (_, key) => process.getBuiltinModule('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

rmSync(OUT, { recursive: true, force: true });
const graph = await build({ ...OPTIONS, write: false, metafile: true, plugins: [lazyChildProcessPlugin] });
await build({ ...OPTIONS, plugins: [lazyChildProcessPlugin, preludePlugin(preludeSources(graph.metafile))] });
