import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
export type FileTree = Record<string, string | Uint8Array>;

const created: string[] = [];

/** Removes the folders tempDir made; test/helpers/setup.ts runs it after each test of every file. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh temporary folder holding `files` (paths relative to it); removed after the test. */
export function tempDir(files: FileTree = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-test-'));
  created.push(dir);
  writeTree(dir, files);
  return dir;
}

export function writeTree(dir: string, files: FileTree): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/** Every file under `dir` with its bytes, for byte-for-byte “nothing changed” assertions. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      if (name === '.git') continue;
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else out[rel] = readFileSync(path.join(dir, rel)).toString('base64');
    }
  };
  walk('');
  return out;
}
