import path from 'node:path';
import { jsonSchemaFiles, SCHEMA_DIR } from '../../core/model/json-schemas.js';
import { writeFilesAtomically } from '../../io/atomic-file.js';
import { guardOutput } from '../../io/output-guard.js';

export interface SchemaOptions {
  root: string;
  cwd?: string;
  /** Folder to write into; default schemas/ under the ledger root. */
  out?: string;
}

export interface SchemaResult {
  dir: string;
  files: string[];
}

/** Writes the JSON Schema files for editors. */
export function schema(options: SchemaOptions): SchemaResult {
  const dir = guardOutput(
    options.root,
    options.out ? path.resolve(options.cwd ?? options.root, options.out) : path.join(options.root, SCHEMA_DIR),
    { kind: 'folder' },
  );
  const files = Object.entries(jsonSchemaFiles()).map(([name, content]) => ({ path: path.join(dir, name), content }));
  writeFilesAtomically(files);
  return { dir, files: files.map((f) => f.path) };
}
