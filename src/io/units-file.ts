import { parse } from 'yaml';
import { editDocument } from './edit-document.js';
import { LEDGER_DIR, UNITS_FILE } from './load-ledger.js';
import { readRepoFile } from './repo-path.js';

/**
 * units.yaml with new units added at the end of its list, each once and only if not there yet,
 * through editDocument (the one way a ledger file is edited: comments, layout, BOM and line ends kept).
 * The file has passed its schema already.
 */
export function unitsWithAdded(root: string, names: readonly string[]): string {
  const file = `${LEDGER_DIR}/${UNITS_FILE}`;
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readRepoFile(root, file));
  const units = (parse(text.replace(/^\uFEFF/, '')) as { units: { name: string }[] }).units;
  const present = new Set(units.map((u) => u.name));
  const added = [...new Set(names)].filter((name) => !present.has(name));
  const changes = added.map((name, i) => ({ path: ['units', units.length + i], before: undefined, after: { name } }));
  return editDocument(text, file, changes);
}
