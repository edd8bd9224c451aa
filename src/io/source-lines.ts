import path from 'node:path';
import { MAX_REPO_FILE_BYTES, readRegularFile, readRepoFile, relativeInside } from './repo-path.js';

import type { SourceLineLookup } from '../core/model/diagnostic.js';

export type { SourceLineLookup } from '../core/model/diagnostic.js';

export function sourceLineReader(root: string): SourceLineLookup {
  const cache = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!cache.has(file)) cache.set(file, readLines(root, file));
    return cache.get(file)?.[line - 1];
  };
}

/**
 * The file's lines, or undefined when it cannot be read or is not UTF-8 (an excerpt would be garbled).
 * A file inside the repository is read by the one rule (readRepoFile): never through a link.
 */
function readLines(root: string, file: string): string[] | undefined {
  try {
    const absolute = path.resolve(root, file);
    const rel = relativeInside(root, absolute);
    const bytes =
      rel !== undefined ? readRepoFile(root, rel) : readRegularFile(absolute, file, MAX_REPO_FILE_BYTES, true);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '').split(/\r?\n/);
  } catch {
    return undefined;
  }
}
