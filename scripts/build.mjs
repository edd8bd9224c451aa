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
export const EXTERNAL = ['exceljs', 'docx', 'echarts', 'echarts/*', '@resvg/resvg-js', 'playwright-core'];

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

rmSync(OUT, { recursive: true, force: true });
await build({
  absWorkingDir: REPO,
  entryPoints: { cli: 'src/cli.ts', 'trend-worker': 'src/commands/trend/trend-worker.ts' },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  external: EXTERNAL,
  define: { __LEDGER_CODE_STAMP__: JSON.stringify(codeStamp()) },
  // Bundled CommonJS packages (cli-table3) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __ledgerRequire } from 'node:module';\nconst require = __ledgerRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
