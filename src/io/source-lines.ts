import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { SourceLineLookup } from '../core/diagnostic.js';

export type { SourceLineLookup } from '../core/diagnostic.js';

export function sourceLineReader(root: string): SourceLineLookup {
  const cache = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!cache.has(file)) cache.set(file, readLines(path.resolve(root, file)));
    return cache.get(file)?.[line - 1];
  };
}

/** The file's lines, or undefined when it cannot be read or is not UTF-8 (an excerpt would be garbled). */
function readLines(absolute: string): string[] | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(absolute));
    return text.replace(/^\uFEFF/, '').split(/\r?\n/);
  } catch {
    return undefined;
  }
}
