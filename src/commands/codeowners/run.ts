import { readTextIfExists } from '../../io/optional-file.js';
import path from 'node:path';
import { buildCodeowners, ledgerOwnerOf, ownerHint, type Codeowners } from '../../core/review/codeowners.js';
import type { Diagnostic } from '../../core/model/diagnostic.js';
import { hasErrors } from '../../core/model/diagnostic.js';
import { UnitsFileSchema } from '../../core/model/schema.js';
import { UsageError } from '../../errors.js';
import { writeFileAtomically } from '../../io/atomic-file.js';
import { gitPrefix } from '../../io/git.js';
import { guardOutput } from '../../io/output-guard.js';
import { LEDGER_DIR, readSchemaFile, UNITS_FILE } from '../../io/load-ledger.js';

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
  /** The owner of ledger/ used, and whether it came from --ledger-owner or from the existing file. */
  ledgerOwner?: { handles: string; from: 'option' | 'file' };
  /** No unit has an owner and there is no ledger owner: the file would hold no rule. */
  empty: boolean;
  /** When empty: how to add an owner, with an example from units.yaml. */
  ownerHint?: string;
  /** Whether the file on disk differed (and, unless --check, was rewritten). */
  changed: boolean;
  written: boolean;
  diagnostics: Diagnostic[];
}

/** Writes CODEOWNERS from the owners in ledger/units.yaml (atomically). */
export async function codeowners(options: CodeownersCommandOptions): Promise<CodeownersResult> {
  const parsed = readSchemaFile(options.root, path.posix.join(LEDGER_DIR, UNITS_FILE), UnitsFileSchema);
  const { source: units, diagnostics } = parsed;
  const file = guardOutput(
    options.root,
    path.resolve(options.cwd ?? options.root, options.output ?? path.join(options.root, 'CODEOWNERS')),
    { kind: 'file', option: '--output' },
  );
  if (!units || hasErrors(diagnostics))
    return { text: '', owned: [], missing: [], file, changed: false, written: false, empty: true, diagnostics };
  const prefix = await gitPrefix(options.root).catch(() => '');
  const current = readTextIfExists(file);
  const kept = current === undefined ? undefined : ledgerOwnerOf(current, prefix);
  const ledgerOwner = options.ledgerOwner
    ? { handles: options.ledgerOwner, from: 'option' as const }
    : kept
      ? { handles: kept, from: 'file' as const }
      : undefined;
  const built = buildCodeowners(units.data.units, {
    ...(ledgerOwner ? { ledgerOwner: ledgerOwner.handles } : {}),
    prefix,
  });
  const empty = built.owned.length === 0 && !ledgerOwner;
  const result = {
    ...built,
    file,
    changed: current !== built.text,
    written: false,
    empty,
    diagnostics,
    ...(ledgerOwner ? { ledgerOwner } : {}),
    ...(empty ? { ownerHint: ownerHint(units.data.units) } : {}),
  };
  if (options.check || !result.changed) return result;
  if (empty)
    throw new UsageError(
      'ledger/units.yaml 中没有任何单位填写了 owner，CODEOWNERS 会是空的',
      ownerHint(units.data.units),
    );
  writeFileAtomically(file, built.text);
  return { ...result, written: true };
}
