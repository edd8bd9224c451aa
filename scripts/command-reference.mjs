#!/usr/bin/env node
// npm run docs:commands: writes docs/reference/commands.md from the commands' own definitions
// (src/cli/index.ts and each command's spec.ts), bundled in memory with esbuild and run once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = `
import { COMMANDS } from './src/cli/index.ts';
import { renderCommandReference } from './src/cli/command-reference.ts';
export const reference = async () =>
  renderCommandReference(await Promise.all(COMMANDS.map(async (c) => ({ name: c.name, spec: await c.load() }))));
`;

const bundled = await build({
  stdin: { contents: ENTRY, resolveDir: REPO, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  write: false,
  packages: 'external',
  define: { __LEDGER_CODE_STAMP__: '"reference"' },
  logLevel: 'warning',
});
const dir = mkdtempSync(path.join(REPO, 'node_modules', '.command-reference-'));
try {
  const file = path.join(dir, 'reference.mjs');
  writeFileSync(file, bundled.outputFiles[0].text);
  const { reference } = await import(pathToFileURL(file).href);
  writeFileSync(path.join(REPO, 'docs/reference/commands.md'), await reference());
  console.log('已写入 docs/reference/commands.md');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
