import type { Ledger } from '../core/ledger.js';
import { ConfigSchema } from '../core/schema.js';
import { buildUnitRegistry } from '../core/units.js';
import { resolveCommit } from './git.js';
import { LedgerRevisions } from './ledger-revisions.js';

/**
 * The ledger as it was in revision `rev`, read straight out of Git and parsed by the same second
 * step as the work tree (parseLedger). An empty ledger when `rev` had none.
 */
export async function loadLedgerAt(root: string, rev: string): Promise<Ledger> {
  const commit = await resolveCommit(root, rev);
  const revisions = new LedgerRevisions(root);
  try {
    const files = await revisions.files(commit);
    if (files.ledgerNames() === undefined) return emptyLedger();
    return revisions.parse(files).ledger;
  } finally {
    revisions.close();
  }
}

export function emptyLedger(): Ledger {
  return { config: ConfigSchema.parse({}), units: buildUnitRegistry({ units: [] }), areas: [] };
}
