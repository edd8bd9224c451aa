import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Ledger } from '../core/ledger.js';
import { ConfigSchema } from '../core/schema.js';
import { buildUnitRegistry } from '../core/units.js';
import { writeTree } from './write-tree.js';
import { filesAt, openBlobReader } from './git.js';
import { LEDGER_DIR, loadLedger } from './load-ledger.js';

/**
 * The ledger as it was in revision `rev`: its files are copied out of Git
 * into a temporary folder and read with the one loader, so a past version is
 * parsed exactly like the work tree. An empty ledger when `rev` had none.
 */
export async function loadLedgerAt(root: string, rev: string): Promise<Ledger> {
  const files = await filesAt(root, rev, [LEDGER_DIR]);
  if (files.length === 0) return emptyLedger();
  const reader = openBlobReader(root);
  const tree: Record<string, Uint8Array> = {};
  try {
    const bodies = await Promise.all(files.map((file) => reader.read(`${rev}:./${file}`)));
    files.forEach((file, i) => {
      if (bodies[i]) tree[file] = bodies[i]!;
    });
  } finally {
    reader.close();
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ledger-base-'));
  try {
    writeTree(dir, tree);
    return loadLedger(dir).ledger;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function emptyLedger(): Ledger {
  return { config: ConfigSchema.parse({}), units: buildUnitRegistry({ units: [] }), areas: [] };
}
