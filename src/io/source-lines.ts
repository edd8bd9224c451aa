import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Returns the text of one line of a file (relative to `root`, or absolute), for excerpts in messages; undefined when unreadable. */
export type SourceLineLookup = (file: string, line: number) => string | undefined;

export function sourceLineReader(root: string): SourceLineLookup {
  const cache = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!cache.has(file)) cache.set(file, readLines(path.resolve(root, file)));
    return cache.get(file)?.[line - 1];
  };
}

function readLines(absolute: string): string[] | undefined {
  try {
    return readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  } catch {
    return undefined;
  }
}
