import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCodeowners, type Codeowners } from '../core/codeowners.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { hasErrors } from '../core/diagnostic.js';
import { UnitsFileSchema } from '../core/schema.js';
import { UsageError } from '../errors.js';
import { writeFilesAtomically } from '../io/atomic-write.js';
import { gitPrefix } from '../io/git.js';
import { LEDGER_DIR, readSchemaFile, UNITS_FILE } from '../io/load-ledger.js';

export interface CodeownersCommandOptions {
  root: string;
  cwd?: string;
  /** Where to write, relative to cwd; default CODEOWNERS at the root. */
  output?: string;
  ledgerOwner?: string;
  /** Only compare with the file on disk; write nothing. */
  check?: boolean;
}

export interface CodeownersResult extends Codeowners {
  /** Absolute path of the CODEOWNERS file. */
  file: string;
  /** Whether the file on disk differed (and, unless --check, was rewritten). */
  changed: boolean;
  written: boolean;
  diagnostics: Diagnostic[];
}

/** Writes CODEOWNERS from the owners in ledger/units.yaml (atomically). */
export async function codeowners(options: CodeownersCommandOptions): Promise<CodeownersResult> {
  const diagnostics: Diagnostic[] = [];
  const units = readSchemaFile(options.root, path.posix.join(LEDGER_DIR, UNITS_FILE), UnitsFileSchema, diagnostics);
  const file = path.resolve(options.cwd ?? options.root, options.output ?? path.join(options.root, 'CODEOWNERS'));
  if (!units || hasErrors(diagnostics)) return { text: '', owned: [], missing: [], file, changed: false, written: false, diagnostics };
  const prefix = await gitPrefix(options.root).catch(() => '');
  const built = buildCodeowners(units.data.units, { ...(options.ledgerOwner ? { ledgerOwner: options.ledgerOwner } : {}), prefix });
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const changed = current !== built.text;
  if (options.check || !changed) return { ...built, file, changed, written: false, diagnostics };
  if (built.owned.length === 0 && !options.ledgerOwner) {
    throw new UsageError('ledger/units.yaml 中没有任何单位填写了 owner，CODEOWNERS 会是空的', '先给单位加上 owner，例如 owner: "@your-org/gongan"，或用 --ledger-owner 指定台账负责人');
  }
  writeFilesAtomically([{ path: file, content: built.text }]);
  return { ...built, file, changed, written: true, diagnostics };
}
