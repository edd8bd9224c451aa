import { existsSync, readFileSync, statSync } from 'node:fs';
import { readBytes } from './ledger-files.js';

/** A file's bytes, or undefined when it cannot be read. */
export function readOptional(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** What is at `file`: a folder, something else, or nothing. */
export function pathKind(file: string): 'folder' | 'file' | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat === undefined ? undefined : stat.isDirectory() ? 'folder' : 'file';
}

/** readBytes (size-capped, regular files only), or undefined when the file does not exist. */
export function readBytesIfExists(file: string, maxBytes?: number): Uint8Array | undefined {
  return existsSync(file) ? readBytes(file, maxBytes) : undefined;
}

/** A file's text (UTF-8, BOM dropped) when it exists; read errors other than absence pass through. */
export function readTextIfExists(file: string): string | undefined {
  return existsSync(file) ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(readBytes(file)) : undefined;
}
