import { Document, isSeq, visit } from 'yaml';
import type { Area } from '../core/model/schema.js';

const FLOW_KEYS = new Set(['lead', 'units', 'aliases', 'members']);

/** The canonical text of an area file: stable key order, short lists on one line, no folding. */
export function serializeArea(area: Area, comment?: string): string {
  const document = new Document(area);
  visit(document, {
    Pair(_, pair) {
      const key = (pair.key as { value?: unknown } | null)?.value;
      if (typeof key === 'string' && FLOW_KEYS.has(key) && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  if (comment) document.commentBefore = comment;
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
