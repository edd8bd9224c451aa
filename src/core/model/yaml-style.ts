import { isMap, isScalar, isSeq, type Node } from 'yaml';

/** Multi-line text is written as a block (|) so that it reads as it was typed. */
export function styleMultiline(node: Node | null): void {
  if (!node) return;
  if (isScalar(node)) {
    if (typeof node.value === 'string' && node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
    return;
  }
  if (isMap(node)) for (const pair of node.items) styleMultiline(pair.value as Node | null);
  if (isSeq(node)) for (const item of node.items) styleMultiline(item as Node);
}
