import { isMap, isSeq, parseDocument } from 'yaml';
import { LEDGER_DIR, UNITS_FILE } from './load-ledger.js';
import { readRepoFile } from './repo-path.js';

/**
 * units.yaml with new units added at the end of its list, each once and only if not there yet;
 * the rest of the file (comments, order, layout) as it was, through the yaml package's Document.
 */
export function unitsWithAdded(root: string, names: readonly string[]): string {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readRepoFile(root, `${LEDGER_DIR}/${UNITS_FILE}`));
  const document = parseDocument(text);
  const list = isMap(document.contents) ? document.contents.get('units', true) : undefined;
  if (!isSeq(list)) throw new Error('units.yaml has no units list');
  const present = new Set(list.items.map((item) => (isMap(item) ? String(item.get('name')) : '')));
  for (const name of names) if (!present.has(name)) list.add(document.createNode({ name }));
  return document.toString({ lineWidth: 0 });
}
