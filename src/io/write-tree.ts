import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes files given relative to `dir` (forward slashes), making folders as needed. */
export function writeTree(dir: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, ...name.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
